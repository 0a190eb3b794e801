//go:build !race

package evaluator_test

const slowdown = 1

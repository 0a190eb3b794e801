//go:build race

package evaluator_test

// slowdown scales the time limits of the tests that judge under one: the race detector makes
// evaluation several times slower, and a limit fit for a plain run would then cut off the
// ordinary rules too.
const slowdown = 10

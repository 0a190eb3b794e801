// Package sortedkeys lists a map's keys in order, for output that must not depend on Go's map
// iteration order.
package sortedkeys

import (
	"cmp"
	"maps"
	"slices"
)

// Of returns the keys of m, sorted.
func Of[K cmp.Ordered, V any](m map[K]V) []K { return slices.Sorted(maps.Keys(m)) }

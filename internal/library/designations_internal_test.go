package library

import (
	"os"
	"testing"
)

// BenchmarkIndexDesignations measures what the designations table adds to every load: decoding
// rules/data/designations.json, checking it and building its three indexes.
func BenchmarkIndexDesignations(b *testing.B) {
	data, err := os.ReadFile("../../rules/data/designations.json")
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		t, p := decodeTable("rules/data/designations.json", "data/designations.json", data)
		if p != nil {
			b.Fatal(p)
		}
		if _, probs := indexDesignations(t); len(probs) > 0 {
			b.Fatal(probs)
		}
	}
}

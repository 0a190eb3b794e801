package library

import (
	"os"
	"testing"
)

// BenchmarkIndexDesignations measures what the designations table adds to every load: decoding
// rules/data/designations.json, checking it against its schema and for what the schema cannot
// state, and building its three indexes.
func BenchmarkIndexDesignations(b *testing.B) {
	data, err := os.ReadFile("../../rules/data/designations.json")
	if err != nil {
		b.Fatal(err)
	}
	raw, err := os.ReadFile("../../rules/schema/data/designations.json")
	if err != nil {
		b.Fatal(err)
	}
	schema, prob := compileSchema("rules/schema/data/designations.json", "schema/data/designations.json", raw, tableDefaults)
	if prob != nil {
		b.Fatal(prob)
	}
	for i := 0; i < b.N; i++ {
		t, p := decodeTable("rules/data/designations.json", "data/designations.json", data)
		if p != nil {
			b.Fatal(p)
		}
		if errs := schema.check(t.value); len(errs) > 0 {
			b.Fatal(errs)
		}
		if _, probs := indexDesignations(t); len(probs) > 0 {
			b.Fatal(probs)
		}
	}
}

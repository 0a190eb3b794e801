package evaluator

import (
	"bytes"
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/gen"
	"github.com/sanctions-dev/sanctions/internal/library"
)

// BenchmarkEvaluate measures one evaluation of every rule on one event, by event type, on
// generated events already validated and converted: the evaluator's share of a check (Judge
// adds validation and conversion).
func BenchmarkEvaluate(b *testing.B) {
	ctx := context.Background()
	eng, err := Load(ctx, Options{Sources: []library.Source{{Name: "rules", FS: os.DirFS("../rules")}}})
	if err != nil {
		b.Fatal(err)
	}
	byType := map[string][]ast.Value{}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		raw, _ := json.Marshal(gen.Event(r, i))
		var doc map[string]any
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		if err := dec.Decode(&doc); err != nil {
			b.Fatal(err)
		}
		ev := &events.Event{Doc: doc}
		if probs := eng.validator.Check(ev); len(probs) > 0 {
			b.Fatal(probs)
		}
		in, err := ast.InterfaceToValue(ev.Doc)
		if err != nil {
			b.Fatal(err)
		}
		typ, _ := doc["type"].(string)
		byType[typ] = append(byType[typ], in)
		byType["mix"] = append(byType["mix"], in)
	}
	for _, typ := range []string{"mix", "transfer", "meeting", "launch", "technical_assistance", "financial", "cooperation"} {
		inputs := byType[typ]
		b.Run(typ, func(b *testing.B) {
			i := 0
			for b.Loop() {
				if _, errs := eng.evaluate(ctx, inputs[i%len(inputs)]); len(errs) > 0 {
					b.Fatal(errs[0].message())
				}
				i++
			}
		})
	}
}

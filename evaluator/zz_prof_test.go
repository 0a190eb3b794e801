package evaluator_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/profiler"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/gen"
	"github.com/sanctions-dev/sanctions/internal/testrules"
)

func TestZZProfile(t *testing.T) {
	lib := testrules.Library(t)
	c, err := evaluator.Compile(lib, false)
	if err != nil {
		t.Fatal(err)
	}
	pq, err := rego.New(rego.Compiler(c), rego.Store(evaluator.NewStore(lib)), rego.Query("data.sanctions.result")).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	var ins []ast.Value
	for i := 0; i < 600; i++ {
		raw, _ := json.Marshal(gen.Event(r, i))
		var doc map[string]any
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		dec.Decode(&doc)
		in, _ := evaluator.Input(doc)
		ins = append(ins, in)
	}
	for _, in := range ins[:100] {
		pq.Eval(context.Background(), rego.EvalParsedInput(in))
	}
	p := profiler.New()
	for _, in := range ins[100:] {
		if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(in), rego.EvalQueryTracer(p)); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range p.ReportTopNResults(45, []string{"total_time_ns"}) {
		fmt.Printf("%8.1f µs/ev  evals %6d  %s\n", float64(s.ExprTimeNs)/500/1000, s.NumEval, s.Location)
	}
}

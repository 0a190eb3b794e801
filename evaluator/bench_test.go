package evaluator_test

import (
	"bytes"
	"context"
	"encoding/json"
	"math/rand/v2"
	"path"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/profiler"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/sanctions-dev/sanctions/internal/compile"
	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/gen"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

// BenchmarkPlaceItems measures the item taxonomy on a transfer of three items: the costliest
// shared helper of the rules.
func BenchmarkPlaceItems(b *testing.B) {
	pq := prepared(b, "data.sanctions.lib.items")
	in := ast.MustParseTerm(`{"id": "t", "type": "transfer", "date": "2023-09", "summary": "s", "supplier": {"country": "KP"}, "recipient": {"country": "RU"},
		"items": [{"description": "hundreds of thousands of artillery rounds"}, {"description": "ballistic missiles and their launchers"}, {"description": "sealed crates"}],
		"claims": [{"status": "reported", "by": {"country": "US"}}], "sources": [{"id": "s", "publisher": "p"}], "evidence": [{"quote": "q", "source": "s"}]}`).Value
	for b.Loop() {
		if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(in)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRuleFiles shows where evaluation time goes, by Rego file: it evaluates the generated
// mix under OPA's profiler and reports, for each file, the time its expressions took per event
// (with the profiler's own overhead, so the sum is above BenchmarkEvaluate/mix). Run it with
// `go test -run XXX -bench RuleFiles ./evaluator` (docs/performance.md).
func BenchmarkRuleFiles(b *testing.B) {
	pq := prepared(b, "data.sanctions.result")
	var inputs []ast.Value
	for _, ev := range generated(b, 500) {
		in, err := ast.InterfaceToValue(ev.Doc)
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, in)
	}
	p := profiler.New()
	n := 0
	for b.Loop() {
		if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(inputs[n%len(inputs)]), rego.EvalQueryTracer(p)); err != nil {
			b.Fatal(err)
		}
		n++
	}
	perFile := map[string]float64{}
	for _, st := range p.ReportTopNResults(-1, []string{"total_time_ns"}) {
		file := st.Location.File
		if file == "" {
			continue
		}
		file = path.Join(path.Base(path.Dir(file)), path.Base(file))
		perFile[strings.TrimSuffix(file, ".rego")] += float64(st.ExprTimeNs) / float64(n) / 1000
	}
	for file, us := range perFile {
		if us >= 5 {
			b.ReportMetric(us, file+"-µs/event")
		}
	}
}

// generated returns n generated events (seed 1, 2), decoded as the checker decodes JSON.
func generated(b *testing.B, n int) []*events.Event {
	b.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]*events.Event, 0, n)
	for i := 0; i < n; i++ {
		raw, _ := json.Marshal(gen.Event(r, i))
		var doc map[string]any
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		if err := dec.Decode(&doc); err != nil {
			b.Fatal(err)
		}
		out = append(out, &events.Event{Doc: doc})
	}
	return out
}

// prepared compiles the repository's rules and prepares a query on them.
func prepared(b *testing.B, query string) rego.PreparedEvalQuery {
	b.Helper()
	lib := testrules.Library(b)
	c, err := compile.Rules(lib, false)
	if err != nil {
		b.Fatal(err)
	}
	pq, err := rego.New(rego.Compiler(c), rego.Store(compile.NewStore(lib)), rego.Query(query)).PrepareForEval(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	return pq
}

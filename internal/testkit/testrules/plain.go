package testrules

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/compile"
	"github.com/sanctions-dev/sanctions/internal/library"
)

// PlainOPA evaluates a library as a stock OPA server would: OPA's defaults (no schema, no
// strict mode), the library's data as JSON, and events as they were written, with none of the
// checker's normalisation. It returns a function that gives an event's findings, sorted as the
// checker sorts them.
func PlainOPA(t testing.TB, lib *library.Library) func(doc map[string]any) []evaluator.Finding {
	t.Helper()
	ctx := context.Background()
	opts := []func(*rego.Rego){rego.Query(compile.FindingsQuery), rego.Store(inmem.NewFromObject(map[string]any{"sanctions": RoundTrip(t, lib.Data)}))}
	for _, m := range lib.Modules {
		opts = append(opts, rego.ParsedModule(m))
	}
	plain, err := rego.New(opts...).PrepareForEval(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return func(doc map[string]any) []evaluator.Finding {
		t.Helper()
		rs, err := plain.Eval(ctx, rego.EvalInput(RoundTrip(t, doc)))
		if err != nil {
			t.Fatal(err)
		}
		var got []evaluator.Finding
		if len(rs) > 0 {
			b, _ := json.Marshal(rs[0].Expressions[0].Value)
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatal(err)
			}
		}
		evaluator.Sort(got)
		return got
	}
}

// RoundTrip gives a value as a JSON decoder would: what an OPA server receives.
func RoundTrip(t testing.TB, v any) map[string]any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

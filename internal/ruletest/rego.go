package ruletest

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/sanctions-dev/sanctions/internal/compile"
	"github.com/sanctions-dev/sanctions/internal/library"
)

// TestTimeout bounds one Rego test.
const TestTimeout = 30 * time.Second

// Rego runs every *_test.rego of the library, compiled exactly as the checker compiles rules.
// A failing test's message names the expression that failed, with the values of its variables.
func Rego(ctx context.Context, lib *library.Library) ([]Case, error) {
	results, err := runRego(ctx, lib, "")
	if err != nil {
		return nil, err
	}
	var failed []string
	for _, res := range results {
		if res.Fail {
			failed = append(failed, regexp.QuoteMeta(res.Package+"."+res.Name)+"$")
		}
	}
	explained := map[string]string{}
	if len(failed) > 0 {
		traced, err := runRego(ctx, lib, strings.Join(failed, "|"))
		if err != nil {
			return nil, err
		}
		for _, res := range traced {
			explained[res.Package+"."+res.Name] = failedExpression(res.Trace)
		}
	}
	var cases []Case
	for _, res := range results {
		pkg := strings.TrimPrefix(res.Package, "data.")
		c := Case{Kind: "rego", Name: pkg + "." + res.Name, Pass: res.Pass(), pkg: pkg, test: res.Name}
		if res.Location != nil {
			c.File, c.Line = res.Location.File, res.Location.Row
		}
		switch {
		case res.Error != nil:
			c.Message, c.fault = res.Error.Error(), faultTest
		case res.Fail:
			c.Message = "test failed"
			if why := explained[res.Package+"."+res.Name]; why != "" {
				c.Message += ":\n" + why
			}
			if len(res.Output) > 0 {
				c.Message += "\n" + strings.TrimSpace(string(res.Output))
			}
		}
		cases = append(cases, c)
	}
	sortCases(cases)
	return cases, nil
}

// runRego runs the Rego tests whose names match filter (all when empty); with a filter, it
// traces them so that failures can be explained.
func runRego(ctx context.Context, lib *library.Library, filter string) ([]*tester.Result, error) {
	store := compile.NewStore(lib)
	txn, err := store.NewTransaction(ctx, storage.TransactionParams{})
	if err != nil {
		return nil, err
	}
	defer store.Abort(ctx, txn)
	traced := filter != ""
	r := tester.NewRunner().
		SetCompiler(compile.NewCompiler(lib, true).WithRewriteTestRules(traced)).
		SetModules(compile.Modules(lib, true)).
		SetStore(store).
		RaiseBuiltinErrors(true).
		CapturePrintOutput(true).
		SetRuntime(ast.NullTerm()).
		SetTimeout(TestTimeout).
		EnableTracing(traced)
	if traced {
		r = r.Filter(filter)
	}
	ch, err := r.RunTests(ctx, txn)
	if err != nil {
		var errs ast.Errors
		if errors.As(err, &errs) {
			return nil, library.FromAST(errs)
		}
		return nil, err
	}
	var out []*tester.Result
	for res := range ch {
		out = append(out, res)
	}
	return out, nil
}

// failedExpression renders the last expression that failed in a test's trace, with its place
// and the values of its variables (as opa test --var-values does).
func failedExpression(trace []*topdown.Event) string {
	for _, e := range slices.Backward(trace) {
		if e.Op != topdown.FailOp || e.Location == nil || e.QueryID == 0 {
			continue
		}
		if expr, ok := e.Node.(*ast.Expr); ok {
			if _, isEvery := expr.Terms.(*ast.Every); isEvery {
				continue
			}
		}
		var b strings.Builder
		fmt.Fprintf(&b, "    %s:%d:\n", e.Location.File, e.Location.Row)
		var ev strings.Builder
		if err := topdown.PrettyEvent(&ev, e, topdown.PrettyEventOpts{PrettyVars: true}); err != nil {
			return ""
		}
		for _, line := range strings.Split(strings.TrimRight(ev.String(), "\n"), "\n") {
			b.WriteString("      " + line + "\n")
		}
		return strings.TrimRight(b.String(), "\n")
	}
	return ""
}

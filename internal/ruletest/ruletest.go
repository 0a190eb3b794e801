// Package ruletest runs a rule library's own checks: the Rego unit tests (*_test.rego), the
// examples beside each rule (examples.yaml: events that must and must not fire it), and fixture
// files whose expect blocks say which rules must fire on each event.
package ruletest

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/checkrun"
	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/library"
)

// Case is the outcome of one check.
type Case struct {
	Kind    string `json:"kind"` // rego, example or fixture
	Name    string `json:"name"` // the test rule, or the event id
	Rule    string `json:"rule,omitempty"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	Pass    bool   `json:"pass"`
	Message string `json:"message,omitempty"`
}

func (c Case) String() string {
	status := "PASS"
	if !c.Pass {
		status = "FAIL"
	}
	s := fmt.Sprintf("%s %s %s:%d %s", status, c.Kind, c.File, c.Line, c.Name)
	if c.Rule != "" {
		s += " (" + c.Rule + ")"
	}
	if c.Message != "" {
		s += ": " + c.Message
	}
	return s
}

// Failed counts the cases that did not pass.
func Failed(cases []Case) int {
	n := 0
	for _, c := range cases {
		if !c.Pass {
			n++
		}
	}
	return n
}

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
		c := Case{Kind: "rego", Name: strings.TrimPrefix(res.Package, "data.") + "." + res.Name, Pass: res.Pass()}
		if res.Location != nil {
			c.File, c.Line = res.Location.File, res.Location.Row
		}
		switch {
		case res.Error != nil:
			c.Message = res.Error.Error()
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
	store := evaluator.NewStore(lib)
	txn, err := store.NewTransaction(ctx, storage.TransactionParams{})
	if err != nil {
		return nil, err
	}
	defer store.Abort(ctx, txn)
	traced := filter != ""
	r := tester.NewRunner().
		SetCompiler(evaluator.NewCompiler(lib, true).WithRewriteTestRules(traced)).
		SetModules(evaluator.Modules(lib, true)).
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
		if errs, ok := err.(ast.Errors); ok {
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

// Examples checks every examples.yaml: each event under fire: must give a finding of the rule
// defined beside it, and none under quiet: may. A fire event may also say, under
// x.expect, the verdict and confidence its finding must have.
func Examples(ctx context.Context, lib *library.Library, eng *checkrun.Engine) ([]Case, error) {
	byDir := map[string]string{}
	for _, r := range eng.Evaluator.Rules() {
		byDir[path.Dir(r.File)] = r.ID
	}
	var cases []Case
	covered := map[string]bool{}
	for _, f := range lib.Examples {
		covered[path.Dir(f.Name)] = true
	}
	for _, r := range eng.Evaluator.Rules() {
		if !covered[path.Dir(r.File)] {
			cases = append(cases, Case{Kind: "example", Name: "examples.yaml", Rule: r.ID, File: r.File, Line: r.Line,
				Message: "no examples.yaml beside the rule: every rule needs events that must and must not fire it"})
		}
	}
	for _, f := range lib.Examples {
		rule, ok := byDir[path.Dir(f.Name)]
		if !ok {
			cases = append(cases, Case{Kind: "example", Name: "examples", File: f.Name, Message: "no rule package beside this examples file"})
			continue
		}
		var recs []events.Record
		file, err := events.Decode(ctx, events.Input{Name: f.Name, Reader: strings.NewReader(string(f.Data)), Format: events.YAML,
			Sections: []string{"fire", "quiet"}}, events.DefaultLimits, func(r events.Record) error {
			recs = append(recs, r)
			return nil
		})
		if err != nil {
			return nil, err
		}
		for _, p := range file.Problems {
			cases = append(cases, problemCase("example", rule, p))
		}
		sections := map[string]int{}
		for _, rec := range recs {
			sections[rec.Section]++
			if rec.Problem != nil {
				cases = append(cases, problemCase("example", rule, rec.Problem))
				continue
			}
			cases = append(cases, exampleCase(ctx, eng, rule, rec))
		}
		for _, s := range []string{"fire", "quiet"} {
			if sections[s] == 0 {
				cases = append(cases, Case{Kind: "example", Name: s, Rule: rule, File: f.Name,
					Message: "no " + s + " examples: every rule needs events that must and must not fire it"})
			}
		}
	}
	sortCases(cases)
	return cases, nil
}

func exampleCase(ctx context.Context, eng *checkrun.Engine, rule string, rec events.Record) Case {
	ev := rec.Event
	c := Case{Kind: "example", Name: rec.Section + ": " + ev.ID, Rule: rule, File: ev.Pos.File, Line: ev.Pos.Line}
	v := eng.Judge(ctx, ev)
	if len(v.Rejected) > 0 {
		c.Message = "invalid example: " + v.Rejected.Error()
		return c
	}
	if len(v.Failed) > 0 {
		c.Message = "rule error: " + v.Failed.Error()
		return c
	}
	var got *evaluator.Finding
	for i := range v.Findings {
		if v.Findings[i].RuleID == rule {
			got = &v.Findings[i]
		}
	}
	switch rec.Section {
	case "fire":
		if got == nil {
			c.Message = "did not fire"
			return c
		}
		if want := expected(ev); want != nil {
			for k, w := range want {
				var have string
				switch k {
				case "verdict":
					have = got.Verdict
				case "confidence":
					have = got.Confidence
				default:
					c.Message = fmt.Sprintf("x.expect.%s: unknown (want verdict, confidence)", k)
					return c
				}
				if have != w {
					c.Message = fmt.Sprintf("%s is %s, want %s; reasoning: %s", k, have, w, strings.Join(got.Reasoning, " "))
					return c
				}
			}
		}
	case "quiet":
		if got != nil {
			c.Message = "fired: " + strings.Join(got.Reasoning, " ")
			return c
		}
	}
	c.Pass = true
	return c
}

// expected reads x.expect: {verdict, confidence} of an example event.
func expected(ev *events.Event) map[string]string {
	x, _ := ev.Doc["x"].(map[string]any)
	e, _ := x["expect"].(map[string]any)
	if e == nil {
		return nil
	}
	out := map[string]string{}
	for k, v := range e {
		out[k] = fmt.Sprint(v)
	}
	return out
}

// Fixtures evaluates every event of the fixture files under paths and compares the rules that
// fire with each file's expect block. Every event needs an expectation, and every expectation an
// event.
func Fixtures(ctx context.Context, eng *checkrun.Engine, paths ...string) ([]Case, error) {
	files, err := FixtureFiles(ctx, eng, paths...)
	if err != nil {
		return nil, err
	}
	var cases []Case
	for _, f := range files {
		cases = append(cases, f.Cases...)
	}
	return cases, nil
}

// FixtureFile is one fixture file checked: a case per event (and per stray expectation), and
// what the rules now say, for --update.
type FixtureFile struct {
	Name   string
	Cases  []Case
	Fired  map[string][]string // event id -> the rules that fire now, sorted
	Order  []string            // event ids in file order
	Broken bool                // the file or an event in it could not be read: no update
}

// Failed counts the cases of the file that did not pass.
func (f FixtureFile) Failed() int { return Failed(f.Cases) }

// FixtureFiles is Fixtures, file by file.
func FixtureFiles(ctx context.Context, eng *checkrun.Engine, paths ...string) ([]FixtureFile, error) {
	var out []FixtureFile
	ids := events.NewIDs()
	for _, root := range paths {
		files, probs := checkrun.Files(root)
		if len(probs) > 0 {
			f := FixtureFile{Name: root, Broken: true}
			for _, p := range probs {
				f.Cases = append(f.Cases, problemCase("fixture", "", p))
			}
			out = append(out, f)
		}
		for _, name := range files {
			f, err := fixtureFile(ctx, eng, name, ids)
			if err != nil {
				return nil, err
			}
			out = append(out, f)
		}
	}
	return out, nil
}

func fixtureFile(ctx context.Context, eng *checkrun.Engine, name string, ids *events.IDs) (FixtureFile, error) {
	ff := FixtureFile{Name: name, Fired: map[string][]string{}}
	format, _ := events.FormatOf(name)
	f, err := os.Open(name)
	if err != nil {
		ff.Broken = true
		ff.Cases = []Case{{Kind: "fixture", Name: name, File: name, Message: err.Error()}}
		return ff, nil
	}
	defer f.Close()
	var recs []events.Record
	file, err := events.Decode(ctx, events.Input{Name: name, Reader: f, Format: format}, events.DefaultLimits, func(r events.Record) error {
		recs = append(recs, r)
		return nil
	})
	if err != nil {
		return ff, err
	}
	for _, p := range file.Problems {
		ff.Broken = true
		ff.Cases = append(ff.Cases, problemCase("fixture", "", p))
	}
	seen := map[string]bool{}
	for _, rec := range recs {
		if rec.Problem != nil {
			ff.Broken = true
			ff.Cases = append(ff.Cases, problemCase("fixture", "", rec.Problem))
			continue
		}
		ev := rec.Event
		c := Case{Kind: "fixture", Name: ev.ID, File: ev.Pos.File, Line: ev.Pos.Line}
		v := eng.Judge(ctx, ev)
		if p := ids.Add(ev); p != nil && len(v.Rejected) == 0 {
			v.Rejected = diag.List{p}
		}
		seen[ev.ID] = true
		fired := []string{}
		for _, fi := range v.Findings {
			fired = append(fired, fi.RuleID)
		}
		sort.Strings(fired)
		exp, ok := file.Expect[ev.ID]
		switch {
		case len(v.Rejected) > 0:
			ff.Broken = true
			c.Message = "invalid event: " + v.Rejected.Error()
		case len(v.Failed) > 0:
			ff.Broken = true
			c.Message = "rule error: " + v.Failed.Error()
		case !ok:
			c.Message = "no expectation for this event in the file's expect block"
		default:
			c.Message = Compare(exp.Rules, v.Findings)
			if d := CompareVerdicts(exp.Verdicts, v.Findings); d != "" {
				c.Message = strings.Join(slices.DeleteFunc([]string{c.Message, d}, func(s string) bool { return s == "" }), "; ")
			}
			if d := CompareExempted(exp.Exempted, v.Exempted); exp.Exempted != nil && d != "" {
				c.Message = strings.Join(slices.DeleteFunc([]string{c.Message, d}, func(s string) bool { return s == "" }), "; ")
			}
			c.Pass = c.Message == ""
		}
		if len(v.Rejected) == 0 && len(v.Failed) == 0 {
			ff.Fired[ev.ID] = fired
			ff.Order = append(ff.Order, ev.ID)
		}
		ff.Cases = append(ff.Cases, c)
	}
	for id, exp := range file.Expect {
		if !seen[id] {
			ff.Cases = append(ff.Cases, Case{Kind: "fixture", Name: id, File: exp.Pos.File, Line: exp.Pos.Line,
				Message: "expectation for an event that is not in the file"})
		}
	}
	sortCases(ff.Cases)
	return ff, nil
}

// CompareVerdicts says how the verdicts of the findings differ from those expected, or "".
func CompareVerdicts(want map[string]string, got []evaluator.Finding) string {
	var diffs []string
	for _, r := range sortedKeys(want) {
		for _, f := range got {
			if f.RuleID == r && f.Verdict != want[r] {
				diffs = append(diffs, fmt.Sprintf("%s is %s, want %s: %s", r, f.Verdict, want[r], strings.Join(f.Reasoning, " ")))
			}
		}
	}
	return strings.Join(diffs, "; ")
}

// Compare says how the rules that fired differ from the rules expected, or "" when they match.
func Compare(want []string, got []evaluator.Finding) string {
	return compareRules(want, got, func(r string) string { return "missing " + r }, func(f *evaluator.Finding) string {
		return fmt.Sprintf("unexpected %s (%s): %s", f.RuleID, f.Verdict, strings.Join(f.Reasoning, " "))
	})
}

// CompareExempted says how the rules whose findings an exemption turned off differ from those
// expected, or "" when they match.
func CompareExempted(want []string, got []evaluator.Finding) string {
	return compareRules(want, got, func(r string) string { return "no exemption of " + r }, func(f *evaluator.Finding) string {
		return fmt.Sprintf("unexpected exemption of %s by %s", f.RuleID, f.Exemption.ID)
	})
}

// compareRules compares the rule ids of got with want, saying each one missing and each one
// unexpected.
func compareRules(want []string, got []evaluator.Finding, missing func(string) string, unexpected func(*evaluator.Finding) string) string {
	wantSet := map[string]bool{}
	for _, r := range want {
		wantSet[r] = true
	}
	gotSet := map[string]*evaluator.Finding{}
	for i := range got {
		gotSet[got[i].RuleID] = &got[i]
	}
	var diffs []string
	for _, r := range sortedKeys(wantSet) {
		if gotSet[r] == nil {
			diffs = append(diffs, missing(r))
		}
	}
	for _, r := range sortedKeys(gotSet) {
		if !wantSet[r] {
			diffs = append(diffs, unexpected(gotSet[r]))
		}
	}
	return strings.Join(diffs, "; ")
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

func problemCase(kind, rule string, p *diag.Problem) Case {
	return Case{Kind: kind, Name: p.EventID, Rule: rule, File: p.File, Line: p.Line, Message: p.Error()}
}

func sortCases(cases []Case) {
	sort.SliceStable(cases, func(i, j int) bool {
		if cases[i].File != cases[j].File {
			return cases[i].File < cases[j].File
		}
		return cases[i].Line < cases[j].Line
	})
}

package ruletest

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"regexp"
	"strings"
	"testing"

	"github.com/sanctions-dev/sanctions/config"
	"github.com/sanctions-dev/sanctions/internal/junit"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

// shippedCases runs the Rego tests and the examples of the shipped library, and the fixtures of
// the seed article.
func shippedCases(t *testing.T) []Case {
	t.Helper()
	ctx := context.Background()
	eng := testrules.Engine(t)
	cases, err := Rego(ctx, eng.Library())
	if err != nil {
		t.Fatal(err)
	}
	ex, err := Examples(ctx, eng, config.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	fx, err := Fixtures(ctx, eng, config.DefaultLimits(), testrules.Dir()+"/../fixtures/seed")
	if err != nil {
		t.Fatal(err)
	}
	return append(append(cases, ex...), fx...)
}

// TestFullNames: every check of the shipped library has a full name of the documented form, and
// no two share one (so --run can pick any one check).
func TestFullNames(t *testing.T) {
	forms := map[string]*regexp.Regexp{
		"rego":    regexp.MustCompile(`^rego/sanctions(\.\w+)+\.test_\w+$`),
		"example": regexp.MustCompile(`^example/(DPRK|IRAN|YEMEN|LIBYA)(-[A-Z]+)+/(fire|quiet)/[\w-]+$`),
		"fixture": regexp.MustCompile(`^fixture/.+/fixtures/seed/efe-2024-01-15\.yaml/seed-[\w-]+$`),
	}
	seen := map[string]bool{}
	count := map[string]int{}
	for _, c := range shippedCases(t) {
		name := c.FullName()
		if !forms[c.Kind].MatchString(name) {
			t.Errorf("%s: full name %q is not of the form %s", c.Kind, name, forms[c.Kind])
		}
		if seen[name] {
			t.Errorf("two checks named %q", name)
		}
		seen[name] = true
		count[c.Kind]++
	}
	if count["rego"] < 100 || count["example"] < 30 || count["fixture"] != 7 {
		t.Errorf("checks by kind: %v", count)
	}
}

func TestSelect(t *testing.T) {
	cases := shippedCases(t)
	if got := Select(cases, nil); len(got) != len(cases) {
		t.Errorf("no pattern: %d of %d", len(got), len(cases))
	}
	tests := []struct {
		run   string
		kinds map[string]bool // the kinds that must be selected, and no other
		each  string          // a text every selected full name holds
	}{
		{"dprk.arms_export_test", map[string]bool{"rego": true}, "rego/sanctions.dprk.arms_export_test."},
		{"^example/DPRK-ARMS-EXPORT/quiet/", map[string]bool{"example": true}, "/quiet/"},
		{"(?i)arms.export", map[string]bool{"rego": true, "example": true}, ""},
		{"seed-choe-visit$", map[string]bool{"fixture": true}, "seed-choe-visit"},
	}
	for _, tt := range tests {
		got := Select(cases, regexp.MustCompile(tt.run))
		if len(got) == 0 {
			t.Errorf("%s: nothing selected", tt.run)
		}
		kinds := map[string]bool{}
		for _, c := range got {
			kinds[c.Kind] = true
			if !strings.Contains(c.FullName(), tt.each) {
				t.Errorf("%s: selected %s", tt.run, c.FullName())
			}
		}
		if len(kinds) != len(tt.kinds) {
			t.Errorf("%s: selected kinds %v, want %v", tt.run, kinds, tt.kinds)
		}
		for k := range tt.kinds {
			if !kinds[k] {
				t.Errorf("%s: no %s selected", tt.run, k)
			}
		}
	}
}

// sample is one case of each shape: a Rego test that passes, one in error, an example that
// fails, a rule without examples, an input that is no event, a fixture that differs.
func sample() []Case {
	return []Case{
		{Kind: "rego", Name: "sanctions.x_test.test_a", File: "x_test.rego", Line: 3, Pass: true, pkg: "sanctions.x_test", test: "test_a"},
		{Kind: "rego", Name: "sanctions.x_test.test_b", File: "x_test.rego", Line: 9, Message: "eval_builtin_error: boom", pkg: "sanctions.x_test", test: "test_b", fault: faultTest},
		{Kind: "example", Name: "quiet: ev-1", Rule: "R-1", File: "examples.yaml", Line: 4, Message: "fired: because", event: "ev-1", section: "quiet"},
		{Kind: "example", Name: "examples.yaml", Rule: "R-2", File: "r2.rego", Line: 1, Message: "no examples.yaml beside the rule"},
		{Kind: "example", Name: "", Rule: "R-1", File: "examples.yaml", Line: 20, Message: "examples.yaml:20: invalid YAML", fault: faultInput},
		{Kind: "fixture", Name: "ev-2", File: "f.yaml", Line: 7, Message: "missing R-1; unexpected R-2 (possible_violation): why", event: "ev-2"},
	}
}

func TestRuleTestsJUnit(t *testing.T) {
	var b bytes.Buffer
	if err := RenderRuleTests(&b, "junit", sample(), 0, false); err != nil {
		t.Fatal(err)
	}
	var doc junit.Suites
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if doc.Tests != 6 || doc.Failures != 3 || doc.Errors != 2 || len(doc.Suites) != 4 {
		t.Errorf("tests %d, failures %d, errors %d, suites %d:\n%s", doc.Tests, doc.Failures, doc.Errors, len(doc.Suites), b.String())
	}
	type want struct{ suite, classname, name, failure, error string }
	wants := []want{
		{"x_test.rego", "sanctions.x_test", "test_a", "", ""},
		{"x_test.rego", "sanctions.x_test", "test_b", "", "eval_builtin_error: boom"},
		{"examples.yaml", "ev-1", "quiet: R-1", "fired: because", ""},
		{"examples.yaml", "rejected", "input", "", "examples.yaml:20: invalid YAML"},
		{"r2.rego", "R-2", "examples.yaml", "no examples.yaml beside the rule", ""},
		{"f.yaml", "ev-2", "expectations", "missing R-1", ""},
	}
	var got []want
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			w := want{suite: s.Name, classname: c.ClassName, name: c.Name}
			if c.Failure != nil {
				w.failure = c.Failure.Message
			}
			if c.Error != nil {
				w.error = c.Error.Message
			}
			got = append(got, w)
		}
	}
	if len(got) != len(wants) {
		t.Fatalf("got %v", got)
	}
	for i := range wants {
		if got[i] != wants[i] {
			t.Errorf("case %d: got %+v, want %+v", i, got[i], wants[i])
		}
	}
}

func TestRuleTestsJSON(t *testing.T) {
	var b bytes.Buffer
	if err := RenderRuleTests(&b, "json", sample(), 5, false); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Checks []struct {
			Test, Kind, Name, Rule, File, Message string
			Line                                  int
			Pass                                  bool
		}
		Summary map[string]int
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Checks) != 6 || doc.Summary["checks"] != 6 || doc.Summary["passed"] != 1 || doc.Summary["failed"] != 5 || doc.Summary["filtered_out"] != 5 {
		t.Errorf("got %s", b.String())
	}
	if c := doc.Checks[2]; c.Test != "example/R-1/quiet/ev-1" || c.Kind != "example" || c.Name != "quiet: ev-1" || c.Rule != "R-1" || c.Line != 4 || c.Pass || c.Message != "fired: because" {
		t.Errorf("example check: %+v", c)
	}
	if c := doc.Checks[0]; c.Test != "rego/sanctions.x_test.test_a" || !c.Pass {
		t.Errorf("rego check: %+v", c)
	}
}

func TestRuleTestsText(t *testing.T) {
	var b bytes.Buffer
	if err := RenderRuleTests(&b, "text", sample(), 5, false); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "PASS") || !strings.Contains(out, "FAIL example examples.yaml:4 quiet: ev-1 (R-1): fired: because\n") ||
		!strings.HasSuffix(out, "6 checks: 1 passed, 5 failed; 5 filtered out by --run.\n") {
		t.Errorf("got\n%s", out)
	}
	b.Reset()
	if err := RenderRuleTests(&b, "text", sample()[:1], 0, true); err != nil {
		t.Fatal(err)
	}
	if want := "PASS rego x_test.rego:3 sanctions.x_test.test_a\n1 checks: 1 passed, 0 failed.\n"; b.String() != want {
		t.Errorf("verbose: got %q, want %q", b.String(), want)
	}
}

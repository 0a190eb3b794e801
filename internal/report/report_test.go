package report_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/report"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenDir is absolute: seedReport changes the working directory to the repository root.
var goldenDir, _ = filepath.Abs("testdata")

// seedReport checks the seed fixture, as `sanctions check fixtures/seed` does.
func seedReport(t *testing.T) *report.Report {
	t.Helper()
	ctx := context.Background()
	eng := testrules.Engine(t)
	t.Chdir(filepath.Join(testrules.Dir(), ".."))
	rep, err := testrules.Check("fixtures/seed").Run(ctx, eng)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestGolden pins every format's output for the seed fixture, byte for byte. Review changes
// with `go test ./report -update` and git diff.
func TestGolden(t *testing.T) {
	rep, opts := seedReport(t), libraryOptions(t)
	for _, name := range report.Names() {
		t.Run(name, func(t *testing.T) {
			r, err := report.Lookup(name, opts)
			if err != nil {
				t.Fatal(err)
			}
			var a, b bytes.Buffer
			if err := r.Render(&a, rep); err != nil {
				t.Fatal(err)
			}
			if err := r.Render(&b, rep); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatal("two renderings of the same report differ")
			}
			golden := filepath.Join(goldenDir, "seed."+name)
			if *update {
				if err := os.WriteFile(golden, a.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./report -update to create it)", err)
			}
			if !bytes.Equal(a.Bytes(), want) {
				t.Errorf("%s output differs from %s (rerun with -update and review the diff): %s", name, golden, firstDifference(a.Bytes(), want))
			}
		})
	}
}

func TestSummaryCounts(t *testing.T) {
	rep := seedReport(t)
	s := rep.Summary
	rules := len(testrules.Engine(t).Rules()) // every rule of the library counts, fired or not
	if s.Events != s.Evaluated+s.Rejected || s.Events != 7 || s.Findings != 4 || s.BySeverity["high"] != 4 || s.Rules != rules || rules < 20 {
		t.Errorf("summary %+v, with %d rules in the library", s, rules)
	}
	if got, want := report.SummaryLine(rep), fmt.Sprintf("7 events: 7 evaluated, 0 rejected; 4 findings (4 high); %d rules; 0 errors.", rules); got != want {
		t.Errorf("summary line %q", got)
	}
	if rep.Worst() != "high" {
		t.Errorf("worst %q", rep.Worst())
	}
}

// TestSARIFMatchesSchema checks the SARIF output against the SARIF 2.1.0 JSON schema (OASIS,
// kept in testdata), for a report with findings and one with errors.
func TestSARIFMatchesSchema(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(goldenDir, "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	withErrors := seedReport(t)
	withErrors.Add(evaluator.Verdict{Rejected: diag.List{{File: "in/bad.yaml", Line: 3, Message: "invalid YAML"}}})
	withErrors.AddError(&diag.Problem{File: "in/x.yaml", Line: 1, EventID: "x", RuleID: "DPRK-ARMS-EXPORT", Message: "eval_builtin_error"})
	for name, rep := range map[string]*report.Report{"findings": seedReport(t), "errors": withErrors} {
		var buf bytes.Buffer
		if err := (report.SARIF{}).Render(&buf, rep); err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("%s: SARIF output does not match the schema: %v", name, err)
		}
		if !bytes.Contains(buf.Bytes(), []byte(`"startLine": 88`)) || !bytes.Contains(buf.Bytes(), []byte(`"id": "DPRK-ARMS-EXPORT"`)) {
			t.Errorf("%s: results or rules missing", name)
		}
	}
}

// TestJUnitCountsEveryEventAndRule checks the test cases: one per evaluated event and rule, a
// failure per finding, an error per rejected event.
func TestJUnitCountsEveryEventAndRule(t *testing.T) {
	rep := seedReport(t)
	rep.Add(evaluator.Verdict{Rejected: diag.List{&diag.Problem{File: "in/bad.yaml", Line: 3, Message: "invalid YAML"}}})
	var buf bytes.Buffer
	if err := (report.JUnit{}).Render(&buf, rep); err != nil {
		t.Fatal(err)
	}
	var suites struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Errors   int `xml:"errors,attr"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &suites); err != nil {
		t.Fatal(err)
	}
	if want := 7*len(rep.Rules) + 1; suites.Tests != want || suites.Failures != 4 || suites.Errors != 1 {
		t.Errorf("tests %d failures %d errors %d, want %d, 4, 1", suites.Tests, suites.Failures, suites.Errors, want)
	}
}

// firstDifference shows the first line where got and want differ.
func firstDifference(got, want []byte) string {
	g, w := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl []byte
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if !bytes.Equal(gl, wl) {
			return fmt.Sprintf("line %d:\n got: %.200s\nwant: %.200s", i+1, gl, wl)
		}
	}
	return "same lines"
}

func TestTextColourOnlyWhenAsked(t *testing.T) {
	rep := seedReport(t)
	var plain, coloured bytes.Buffer
	if err := (report.Text{}).Render(&plain, rep); err != nil {
		t.Fatal(err)
	}
	if err := (report.Text{Color: true}).Render(&coloured, rep); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(plain.Bytes(), []byte("\x1b[")) {
		t.Error("plain text has escape codes")
	}
	if !bytes.Contains(coloured.Bytes(), []byte("\x1b[31;1m[HIGH]")) {
		t.Error("coloured text lacks a red, bold severity")
	}
}

// BenchmarkRender renders the report of the shipped fixtures in every format.
func BenchmarkRender(b *testing.B) {
	b.Chdir(filepath.Join(testrules.Dir(), ".."))
	rep, err := testrules.Check("fixtures").Run(context.Background(), testrules.Engine(b))
	if err != nil {
		b.Fatal(err)
	}
	for _, name := range report.Names() {
		r, _ := report.Lookup(name, report.Options{})
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				var buf bytes.Buffer
				if err := r.Render(&buf, rep); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(rep.Results)*b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

// TestCSVCellsAreNotFormulas: a value that a spreadsheet would run as a formula (here the id of a
// rejected event, which the schema never saw) is written with a leading apostrophe.
func TestCSVCellsAreNotFormulas(t *testing.T) {
	rep := report.New(make([]evaluator.Rule, 0))
	rep.Add(evaluator.Verdict{Rejected: diag.List{&diag.Problem{File: "in.ndjson", Line: 3, EventID: `=HYPERLINK("http://example.org","open")`, Message: "not a real date"}}})
	rep.Add(evaluator.Verdict{Rejected: diag.List{&diag.Problem{File: "in.ndjson", Line: 4, EventID: "@SUM(A1)", Message: "+1 more"}}})
	var buf bytes.Buffer
	if err := (report.CSV{}).Render(&buf, rep); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[1][0] != `'=HYPERLINK("http://example.org","open")` || rows[2][0] != "'@SUM(A1)" || rows[1][3] != "3" {
		t.Errorf("rows %q", rows)
	}
}

// TestEventTextIsNotMarkup: text from an event (a summary, a quote, a publisher) is shown as
// written in HTML and Markdown: it cannot add elements, scripts, links or emphasis.
func TestEventTextIsNotMarkup(t *testing.T) {
	const hostile = `<img src=x onerror=alert(1)> *bold* [link](http://evil.example)`
	rep := report.New(make([]evaluator.Rule, 1))
	rep.Add(evaluator.Verdict{EventID: "e", Location: evaluator.Location{File: "in.yaml", Line: 1},
		Event: evaluator.EventInfo{Type: "transfer", Date: "2024", Summary: "# " + hostile,
			Sources: []evaluator.Source{{ID: "s", Publisher: hostile}}},
		Findings: []evaluator.Finding{{RuleID: "DPRK-ARMS-EXPORT", Title: "t", Severity: "high", Verdict: evaluator.PossibleViolation,
			Confidence: "low", Reasoning: []string{"1. " + hostile}, Evidence: []evaluator.Evidence{{Quote: hostile, Source: "s"}}}}})
	var html, md bytes.Buffer
	if err := (report.HTML{}).Render(&html, rep); err != nil {
		t.Fatal(err)
	}
	if err := (report.Markdown{}).Render(&md, rep); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(html.String(), "<img") || !strings.Contains(html.String(), "&lt;img src=x onerror=alert(1)&gt;") {
		t.Error("HTML: the event's markup was not escaped")
	}
	escaped := `\<img src=x onerror=alert(1)\> \*bold\* \[link\](http://evil.example)`
	for _, want := range []string{"\\# " + escaped + "\n", "1. 1\\. " + escaped + "\n", `> "` + escaped + `"`, "> — " + escaped} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md.String())
		}
	}
	if strings.Contains(strings.ReplaceAll(md.String(), `\<img`, ""), "<img") {
		t.Error("Markdown: raw HTML from the event")
	}
}

package report_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/report"
)

// exemptedReport is a report with an event whose only finding was exempted, an event with a
// finding and an exempted one, an event with a finding, and a quiet event. It is built by hand,
// so that its goldens pin the formats, not the rules.
func exemptedReport() *report.Report {
	rules := []evaluator.Rule{
		{ID: "DPRK-LUXURY-GOODS", Title: "DPRK luxury goods", Description: "No luxury goods to the DPRK.", Regime: "DPRK", Category: "sectoral", Severity: "medium",
			Citations: []evaluator.Citation{{Resolution: "1718 (2006)", Paragraph: "8(a)(iii)", Summary: "Luxury goods.", URL: "https://docs.un.org/en/S/RES/1718(2006)"}}},
		{ID: "DPRK-SECTORAL-IMPORT", Title: "DPRK sectoral imports", Description: "No machinery or vehicles to the DPRK.", Regime: "DPRK", Category: "sectoral", Severity: "high",
			Citations: []evaluator.Citation{{Resolution: "2397 (2017)", Paragraph: "7", Summary: "Machinery and vehicles.", URL: "https://docs.un.org/en/S/RES/2397(2017)"}}},
	}
	rep := report.New(rules)
	imp := func(event string) evaluator.Finding {
		return evaluator.Finding{RuleID: "DPRK-SECTORAL-IMPORT", Title: "DPRK sectoral imports", Regime: "DPRK", Category: "sectoral", Severity: "high",
			Verdict: evaluator.PossibleViolation, Confidence: "medium", EventID: event,
			Citations: []evaluator.Citation{rules[1].Citations[0]},
			Reasoning: []string{"The recipient is the DPRK.", "Refrigerators are machinery."},
			Evidence:  []evaluator.Evidence{{Quote: "refrigerators", Source: "s"}}}
	}
	exempt := func(f evaluator.Finding) evaluator.Finding {
		f.Exemption = &evaluator.Exemption{ID: "EX-HUM-UNICEF-2019-12", Kind: "humanitarian", Basis: "2397 (2017) 25",
			Reference: "1718 Committee approval of UNICEF's request, 9 December 2019 to 9 June 2020",
			URL:       "https://en.yna.co.kr/view/AEN20191217009800325",
			Reason:    "The supplier UNICEF is the organisation the entry exempts."}
		return f
	}
	luxury := evaluator.Finding{RuleID: "DPRK-LUXURY-GOODS", Title: "DPRK luxury goods", Regime: "DPRK", Category: "sectoral", Severity: "medium",
		Verdict: evaluator.NeedsReview, Confidence: "low", EventID: "mixed", Reasoning: []string{"A limousine is a luxury good."}}
	ev := func(summary string) evaluator.EventInfo {
		return evaluator.EventInfo{Type: "transfer", Date: "2020-01", Summary: summary, Sources: []evaluator.Source{{ID: "s", Publisher: "Yonhap News Agency"}}}
	}
	at := func(line int) evaluator.Location { return evaluator.Location{File: "in/exempted.yaml", Line: line} }
	rep.Add(evaluator.Verdict{EventID: "unicef-refrigerators", Location: at(2), Event: ev("UNICEF delivered vaccine refrigerators."),
		Exempted: []evaluator.Finding{exempt(imp("unicef-refrigerators"))}})
	rep.Add(evaluator.Verdict{EventID: "mixed", Location: at(12), Event: ev("UNICEF delivered refrigerators and a limousine."),
		Findings: []evaluator.Finding{luxury}, Exempted: []evaluator.Finding{exempt(imp("mixed"))}})
	rep.Add(evaluator.Verdict{EventID: "trading-company", Location: at(22), Event: ev("A trading company sold refrigerators."),
		Findings: []evaluator.Finding{imp("trading-company")}})
	rep.Add(evaluator.Verdict{EventID: "rice", Location: at(32), Event: ev("Rice was delivered.")})
	return rep
}

// TestGoldenExempted pins every format's output for a report with exempted findings. Review
// changes with `go test ./report -update` and git diff.
func TestGoldenExempted(t *testing.T) {
	rep, opts := exemptedReport(), libraryOptions(t)
	for _, name := range report.Names() {
		t.Run(name, func(t *testing.T) {
			r, err := report.Lookup(name, opts)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := r.Render(&buf, rep); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join(goldenDir, "exempted."+name)
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./report -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s output differs from %s (rerun with -update and review the diff): %s", name, golden, firstDifference(buf.Bytes(), want))
			}
		})
	}
}

// TestExemptedFindingsShownInEveryFormat: every format shows each exempted finding with the
// exemption that turned it off, beside the event's findings, and never calls an event whose
// findings were all exempted quiet.
func TestExemptedFindingsShownInEveryFormat(t *testing.T) {
	rep := exemptedReport()
	line := "Exempted: DPRK-SECTORAL-IMPORT  DPRK sectoral imports, by EX-HUM-UNICEF-2019-12 (humanitarian exemption under UNSCR 2397 (2017) 25)"
	for _, name := range report.Names() {
		t.Run(name, func(t *testing.T) {
			r, _ := report.Lookup(name, report.Options{})
			var buf bytes.Buffer
			if err := r.Render(&buf, rep); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			switch name {
			case "json", "ndjson":
				if n := strings.Count(out, `"id": "EX-HUM-UNICEF-2019-12"`) + strings.Count(out, `"id":"EX-HUM-UNICEF-2019-12"`); n != 2 {
					t.Errorf("%d exemptions in the results, want 2", n)
				}
			default:
				if n := strings.Count(out, line); n < 2 {
					t.Errorf("%q appears %d times, want one per exempted finding (2):\n%s", line, n, out)
				}
			}
		})
	}
}

func TestTextNeverSaysNoFindingsForAnExemptedEvent(t *testing.T) {
	var buf bytes.Buffer
	if err := (report.Text{}).Render(&buf, exemptedReport()); err != nil {
		t.Fatal(err)
	}
	events := strings.Split(buf.String(), "\n\n")
	var unicef string
	for _, e := range events {
		if strings.HasPrefix(e, "unicef-refrigerators") {
			unicef = e
		}
	}
	if unicef == "" || strings.Contains(unicef, "No findings.") || !strings.Contains(unicef, "No findings remain: 1 finding exempted, below.") {
		t.Errorf("the exempted event reads:\n%s", unicef)
	}
	if n := strings.Count(buf.String(), "No findings."); n != 1 {
		t.Errorf(`"No findings." %d times, want once (the quiet event)`, n)
	}
}

// TestSARIFSuppressesExemptedFindings: an exempted finding is a result with an accepted external
// suppression that names the exemption, and the output still matches the SARIF schema.
func TestSARIFSuppressesExemptedFindings(t *testing.T) {
	var buf bytes.Buffer
	if err := (report.SARIF{}).Render(&buf, exemptedReport()); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Runs []struct {
			Results []struct {
				RuleID       string `json:"ruleId"`
				Suppressions []struct {
					Kind, Status, Justification string
				} `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	suppressed, open := 0, 0
	for _, r := range doc.Runs[0].Results {
		if len(r.Suppressions) == 0 {
			open++
			continue
		}
		s := r.Suppressions[0]
		if r.RuleID != "DPRK-SECTORAL-IMPORT" || s.Kind != "external" || s.Status != "accepted" || !strings.Contains(s.Justification, "EX-HUM-UNICEF-2019-12") {
			t.Errorf("suppressed result %+v", r)
		}
		suppressed++
	}
	if suppressed != 2 || open != 2 {
		t.Errorf("%d suppressed and %d open results, want 2 and 2", suppressed, open)
	}
	raw, err := os.ReadFile(filepath.Join(goldenDir, "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	schemaDoc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif-schema-2.1.0.json", schemaDoc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Errorf("SARIF output does not match the schema: %v", err)
	}
}

// TestJUnitSkipsExemptedFindings: an exempted finding's test case is skipped, with the exemption,
// and is no failure.
func TestJUnitSkipsExemptedFindings(t *testing.T) {
	var buf bytes.Buffer
	if err := (report.JUnit{}).Render(&buf, exemptedReport()); err != nil {
		t.Fatal(err)
	}
	var suites struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Skipped  int `xml:"skipped,attr"`
		Suites   []struct {
			Cases []struct {
				Name      string `xml:"name,attr"`
				ClassName string `xml:"classname,attr"`
				Skipped   *struct {
					Message string `xml:"message,attr"`
				} `xml:"skipped"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &suites); err != nil {
		t.Fatal(err)
	}
	if suites.Tests != 8 || suites.Failures != 2 || suites.Skipped != 2 {
		t.Errorf("tests %d failures %d skipped %d, want 8, 2, 2", suites.Tests, suites.Failures, suites.Skipped)
	}
	for _, c := range suites.Suites[0].Cases {
		if c.Skipped != nil && (c.Name != "DPRK-SECTORAL-IMPORT" || !strings.Contains(c.Skipped.Message, "by EX-HUM-UNICEF-2019-12")) {
			t.Errorf("skipped case %s %s: %q", c.ClassName, c.Name, c.Skipped.Message)
		}
	}
}

// TestCSVRowsForExemptedFindings: a row per exempted finding (outcome exempted, the exemption in
// the message), and no no_findings row for an event whose findings were all exempted.
func TestCSVRowsForExemptedFindings(t *testing.T) {
	var buf bytes.Buffer
	if err := (report.CSV{}).Render(&buf, exemptedReport()); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows[1:] {
		got = append(got, r[0]+" "+r[1]+" "+r[4])
		if r[1] == report.OutcomeExempted && !strings.HasPrefix(r[15], "Exempted: DPRK-SECTORAL-IMPORT") {
			t.Errorf("exempted row's message %q", r[15])
		}
	}
	want := "unicef-refrigerators exempted DPRK-SECTORAL-IMPORT|mixed finding DPRK-LUXURY-GOODS|mixed exempted DPRK-SECTORAL-IMPORT|" +
		"trading-company finding DPRK-SECTORAL-IMPORT|rice no_findings "
	if strings.Join(got, "|") != want {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
}

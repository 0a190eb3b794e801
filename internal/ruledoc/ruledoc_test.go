package ruledoc_test

import (
	"context"
	"strings"
	"testing"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/ruledoc"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

const (
	pageSource = "https://unsanctionsapp.com/types-of-sanctions/additional-arms"
	fileSource = "example-org/resolutions:S-RES-2270-2016.txt"
)

// sample is two rules citing three paragraphs, one of them twice: 1874 (2009) 10 confirmed by a
// web page, 2270 (2016) 17 by a repository file, 1718 (2006) 8(a)(i) not yet.
func sample() []evaluator.Rule {
	return []evaluator.Rule{
		{ID: "DPRK-A", Title: "Rule A", Category: "arms_embargo", Severity: "high", Package: "data.sanctions.dprk.a",
			File: "rules/sanctions/dprk/a/a.rego", Description: "A.", Citations: []evaluator.Citation{
				{Resolution: "1874 (2009)", Paragraph: "10", Summary: "All arms.", URL: "https://docs.un.org/en/S/RES/1874(2009)",
					InForce: "2009-06-12", Confirmed: pageSource},
				{Resolution: "1718 (2006)", Paragraph: "8(a)(i)", Summary: "Register arms.", URL: "https://docs.un.org/en/S/RES/1718(2006)",
					InForce: "2006-10-14", Note: evaluator.UnconfirmedNote},
			}},
		{ID: "DPRK-B", Title: "Rule B", Category: "technical_assistance", Severity: "medium", Package: "data.sanctions.dprk.b",
			File: "rules/sanctions/dprk/b/b.rego", Description: "B.", Citations: []evaluator.Citation{
				{Resolution: "2270 (2016)", Paragraph: "17", Summary: "Training.", URL: "https://docs.un.org/en/S/RES/2270(2016)",
					InForce: "2016-03-02", Confirmed: fileSource},
				{Resolution: "1874 (2009)", Paragraph: "10", Summary: "All arms.", URL: "https://docs.un.org/en/S/RES/1874(2009)",
					InForce: "2009-06-12", Confirmed: pageSource},
			}},
	}
}

func TestMarkdownConfirmation(t *testing.T) {
	doc := string(ruledoc.Markdown(sample()))
	tests := []struct {
		name, want string
	}{
		{"summary count", "4 citations of 3 paragraphs. Confirmed: 3 citations (2 paragraphs). Not yet confirmed: 1 citation (1 paragraph)."},
		{"paragraph confirmed by a page, cited by both rules", "| 1874 (2009) | 10 | [unsanctionsapp.com](" + pageSource + ") | [DPRK-A](#dprk-a), [DPRK-B](#dprk-b) |"},
		{"paragraph confirmed by a repository file", "| 2270 (2016) | 17 | `" + fileSource + "` | [DPRK-B](#dprk-b) |"},
		{"paragraph not confirmed", "| 1718 (2006) | 8(a)(i) | not yet confirmed | [DPRK-A](#dprk-a) |"},
		{"index counts per rule", "| [DPRK-A](#dprk-a) | Rule A | arms_embargo | high | 1874 (2009) 10; 1718 (2006) 8(a)(i) | from 2006-10-14 | 1 of 2 |"},
		{"rule table, confirmed row", "| [1874 (2009)](https://docs.un.org/en/S/RES/1874(2009)) | 10 | from 2009-06-12 | All arms. | [unsanctionsapp.com](" + pageSource + ") |"},
		{"rule table, unconfirmed row shows the note once, in its column", "| [1718 (2006)](https://docs.un.org/en/S/RES/1718(2006)) | 8(a)(i) | from 2006-10-14 | Register arms. | not yet confirmed |"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(doc, tt.want) {
				t.Errorf("docs lack %q in:\n%s", tt.want, doc)
			}
		})
	}
	// The paragraphs are listed in resolution order, then paragraph order.
	i1718, i1874, i2270 := strings.Index(doc, "| 1718 (2006) | 8(a)(i) |"), strings.Index(doc, "| 1874 (2009) | 10 |"), strings.Index(doc, "| 2270 (2016) | 17 |")
	if i1718 >= i1874 || i1874 >= i2270 {
		t.Errorf("paragraphs out of order: 1718 at %d, 1874 at %d, 2270 at %d", i1718, i1874, i2270)
	}
}

func TestMarkdownKeepsOtherNotes(t *testing.T) {
	rules := sample()
	rules[0].Citations[0].Note = "superseded in part by 2270 (2016) 6"
	doc := string(ruledoc.Markdown(rules))
	if !strings.Contains(doc, "| All arms. *(superseded in part by 2270 (2016) 6)* |") {
		t.Errorf("a note other than the confirmation note is lost:\n%s", doc)
	}
	if strings.Contains(doc, "Register arms. *(") {
		t.Errorf("the confirmation note is repeated in the summary:\n%s", doc)
	}
}

func TestShowConfirmation(t *testing.T) {
	out := string(ruledoc.Show(sample()[0], &library.Library{}))
	for _, want := range []string{"(confirmed: " + pageSource + ")", "(" + evaluator.UnconfirmedNote + ")"} {
		if !strings.Contains(out, want) {
			t.Errorf("rules show lacks %q:\n%s", want, out)
		}
	}
}

// TestShippedCitationsAreConfirmedOrNoted: every citation of the shipped rules either names where
// its paragraph was confirmed or carries exactly the note.
func TestShippedCitationsAreConfirmedOrNoted(t *testing.T) {
	for _, r := range testrules.Engine(t).Rules() {
		for _, c := range r.Citations {
			if (c.Confirmed != "") == (c.Note == evaluator.UnconfirmedNote) {
				t.Errorf("%s cites %s %s with confirmed %q and note %q: want a source, or exactly the note %q",
					r.ID, c.Resolution, c.Paragraph, c.Confirmed, c.Note, evaluator.UnconfirmedNote)
			}
		}
	}
}

// TestMarkdownPartlyConfirmedParagraph: a paragraph confirmed for one citation but not for another
// (a clause of it not yet seen) says so.
func TestMarkdownPartlyConfirmedParagraph(t *testing.T) {
	rules := sample()
	rules[1].Citations[1].Confirmed = ""
	rules[1].Citations[1].Note = evaluator.UnconfirmedNote
	doc := string(ruledoc.Markdown(rules))
	want := "| 1874 (2009) | 10 | [unsanctionsapp.com](" + pageSource + ") (not yet for 1 of its 2 citations) | [DPRK-A](#dprk-a), [DPRK-B](#dprk-b) |"
	if !strings.Contains(doc, want) {
		t.Errorf("docs lack %q in:\n%s", want, doc)
	}
}

// testRule is a rule package whose one citation ends with extra, for the loader tests.
func testRule(extra string) string {
	return `# METADATA
# title: Test rule
# description: A rule for tests.
# scope: package
# schemas:
#   - input: schema.event
# related_resources:
#   - ref: https://docs.un.org/en/S/RES/1874(2009)
# custom:
#   id: TEST-RULE
#   regime: DPRK
#   category: arms_embargo
#   severity: low
#   citations:
#     - resolution: 1874 (2009)
#       paragraph: "10"
#       in_force: "2009-06-12"
#       summary: s
#       url: https://docs.un.org/en/S/RES/1874(2009)
` + extra + `package sanctions.dprk.test_rule

import data.sanctions.lib

finding contains f if {
	f := lib.finding(rego.metadata.chain(), {"facts": [], "items": [], "review": []})
}
`
}

func compileWith(t *testing.T, extra string) (*evaluator.Engine, error) {
	t.Helper()
	return evaluator.Load(context.Background(), evaluator.Options{Sources: []library.Source{{Name: "rules",
		FS: testrules.FS(t, map[string]string{"sanctions/dprk/test_rule/test_rule.rego": testRule(extra)})}}})
}

// TestLoaderReadsConfirmed: the loader accepts `confirmed` and keeps it in the rule's metadata.
func TestLoaderReadsConfirmed(t *testing.T) {
	for _, src := range []string{pageSource, fileSource} {
		ev, err := compileWith(t, "#       confirmed: "+src+"\n")
		if err != nil {
			t.Fatal(err)
		}
		var got string
		for _, r := range ev.Rules() {
			if r.ID == "TEST-RULE" {
				got = r.Citations[0].Confirmed
			}
		}
		if got != src {
			t.Errorf("confirmed = %q, want %q", got, src)
		}
	}
}

// TestLoaderChecksConfirmation: the loader refuses a citation that is both confirmed and noted,
// a confirmed that names no source, and another wording of the note.
func TestLoaderChecksConfirmation(t *testing.T) {
	tests := []struct {
		name, extra, want string
	}{
		{"confirmed and noted", "#       confirmed: " + pageSource + "\n#       note: " + evaluator.UnconfirmedNote + "\n",
			"custom.citations[0]: a citation with confirmed cannot also say " + evaluator.UnconfirmedNote},
		{"confirmed without a source", "#       confirmed: seen it\n", `custom.citations[0]: confirmed "seen it" is not a URL or owner/repo:path`},
		{"confirmed empty", "#       confirmed: \"\"\n", "custom.citations[0]: confirmed must name the source"},
		{"another wording of the note", "#       note: number unconfirmed\n", `custom.citations[0]: note "number unconfirmed": an unconfirmed paragraph's note is exactly`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := compileWith(t, tt.extra)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

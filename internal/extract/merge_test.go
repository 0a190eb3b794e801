package extract_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/sanctions-dev/sanctions/internal/extract"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

const htmlHead = `<html><head><meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2023-10-14T08:00:00Z"></head><body><article>`

// TestHeadlinesAndAssessments: an HTML headline joins the event of the body that it tells of,
// and a sentence judging an event's legality ("would breach") adds no claim to it.
func TestHeadlinesAndAssessments(t *testing.T) {
	x, err := extract.New(testrules.Library(t))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file, text string
		want             []string // per draft: its type and claims, "transfer reported:White House denied:KP"
		summary          string   // the first draft's summary
	}{
		{"a headline is the body's event", "a.html",
			htmlHead + `<h1>North Korea delivers artillery shells to Russia</h1>
<p>North Korea has delivered more than 1,000 containers of artillery shells to Russia, the White House said on Friday.</p>
<p>Pyongyang denied the report.</p></article></body></html>`,
			[]string{"transfer reported:White House denied:KP"},
			"North Korea has delivered more than 1,000 containers of artillery shells to Russia, the White House said on Friday."},
		{"a headline with the body's generic items", "a.html",
			htmlHead + `<h1>North Korea sends arms to Russia</h1>
<p>North Korea shipped 300 mortar rounds to Russia in September, a diplomat said.</p></article></body></html>`,
			[]string{"transfer reported:a diplomat"},
			"North Korea shipped 300 mortar rounds to Russia in September, a diplomat said."},
		{"a headline of other parties stays its own event", "a.html",
			htmlHead + `<h1>North Korea sends artillery shells to Syria</h1>
<p>North Korea has delivered more than 1,000 containers of artillery shells to Russia, the White House said on Friday.</p></article></body></html>`,
			[]string{"transfer reported:Example Times", "transfer reported:White House"},
			"North Korea sends artillery shells to Syria"},
		{"an h2 is no headline", "a.html",
			htmlHead + `<p>North Korea shipped 300 mortar rounds to Russia in September, a diplomat said.</p>
<h2>North Korea sends 500 mortar rounds to Russia</h2></article></body></html>`,
			[]string{"transfer reported:a diplomat", "transfer reported:Example Times"},
			"North Korea shipped 300 mortar rounds to Russia in September, a diplomat said."},
		{"would breach is no claim", "a.txt",
			"date 2024-03-01\npublisher Desk\n\nNorth Korea shipped 300 mortar rounds to Syria last month, a diplomat said.\n\n" +
				"Analysts said the shipments would breach UN Security Council resolutions.\n",
			[]string{"transfer reported:a diplomat"}, ""},
		{"were in breach of is no claim", "a.txt",
			"date 2024-03-01\npublisher Desk\n\nNorth Korea shipped 300 mortar rounds to Syria last month, a diplomat said.\n\n" +
				"Experts said the shipments were in breach of the arms embargo.\n",
			[]string{"transfer reported:a diplomat"}, ""},
		{"a report of the shipment again is a claim", "a.txt",
			"date 2024-03-01\npublisher Desk\n\nNorth Korea shipped 300 mortar rounds to Syria last month, a diplomat said.\n\n" +
				"Analysts said the shipments reached the port of Tartus.\n",
			[]string{"transfer reported:a diplomat reported:Analysts"}, ""},
		{"shipped in breach of sanctions reports the shipping", "a.txt",
			"date 2024-03-01\npublisher Desk\n\nNorth Korea shipped 300 mortar rounds to Syria in breach of UN sanctions last month, a diplomat said.\n",
			[]string{"transfer reported:a diplomat"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := extract.Read(tt.file, []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			ds, err := x.Extract(a)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range ds {
				p := d.Type
				for _, c := range d.Claims {
					p += " " + c.Status + ":" + c.By.Name
					if c.By.Name == "" {
						p += c.By.Country
					}
				}
				got = append(got, p)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("drafts %q, want %q", got, tt.want)
			}
			if tt.summary != "" && len(ds) > 0 && ds[0].Summary != tt.summary {
				t.Errorf("summary %q, want %q", ds[0].Summary, tt.summary)
			}
		})
	}
}

// TestReadHeadlines: the paragraphs of an HTML article that are its <h1> headlines.
func TestReadHeadlines(t *testing.T) {
	tests := []struct {
		name, file, text string
		want             []int
	}{
		{"h1 first", "a.html", `<h1>A <b>bold</b> headline</h1><p>Body.</p>`, []int{0}},
		{"h1 after a paragraph", "a.html", `<p>Kicker.</p><h1>Headline</h1><p>Body.</p>`, []int{1}},
		{"h1 in navigation", "a.html", `<nav><h1>Menu</h1></nav><p>Body.</p>`, nil},
		{"h2 only", "a.html", `<h2>Section</h2><p>Body.</p>`, nil},
		{"Markdown heading: the title, not a paragraph", "a.md", "# Headline\n\nBody.\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := extract.Read(tt.file, []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(a.Headlines, tt.want) {
				t.Errorf("headlines %v of %q, want %v", a.Headlines, strings.Join(a.Paragraphs, " | "), tt.want)
			}
		})
	}
}

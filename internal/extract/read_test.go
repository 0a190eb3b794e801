package extract

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestReadHeadersDatelineAndCaptions(t *testing.T) {
	a, err := Read("seed.txt", []byte(" date 2024-01-15 Seoul, Jan 15 (EFE).- North Korea’s minister left.\n\n"+
		"Kim (L) and Choe (R) at talks. EFE-EPA FILE/POOL\n\nLavrov visited in October.\n\nasb/laa\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"North Korea’s minister left.", "Lavrov visited in October.", "asb/laa"}
	if a.Date.Format("2006-01-02") != "2024-01-15" || a.Publisher != "EFE" || !slices.Equal(a.Paragraphs, want) {
		t.Errorf("date %s, publisher %q, paragraphs %q", a.Date, a.Publisher, a.Paragraphs)
	}

	a, err = Read("wire.txt", []byte("date 2013-07-17\ntitle A ship\nurl https://example.org/a\n\nPANAMA CITY, Jul 17 (Test Wire) - Panama said.\nIt seized a ship.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "A ship" || a.URL != "https://example.org/a" || a.Publisher != "Test Wire" || len(a.Paragraphs) != 1 || a.Paragraphs[0] != "Panama said. It seized a ship." {
		t.Errorf("%+v", a)
	}
}

func TestReadHTMLAndMarkdown(t *testing.T) {
	a, err := Read("a.html", []byte(`<html><head><title>T</title><meta property="article:published_time" content="2023-10-14T08:00:00Z">
<meta property="og:site_name" content="Example Times"></head><body><nav>Menu</nav><p>One <b>bold</b> claim.</p>
<figure><figcaption>A caption</figcaption></figure><script>var s = "x";</script><p>Two.</p></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "T" || a.Publisher != "Example Times" || a.Date.Format("2006-01-02") != "2023-10-14" || !slices.Equal(a.Paragraphs, []string{"One bold claim.", "Two."}) {
		t.Errorf("%+v", a)
	}
	a, err = Read("a.md", []byte("date 2023-05-31\n\n# Title here\n\nA **bold** [link](https://x) and `code`.\n\n- a list item\n> a quote\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Title here" || !slices.Equal(a.Paragraphs, []string{"A bold link and code.", "a list item a quote"}) {
		t.Errorf("%+v", a)
	}
	if _, err := Read("bad.txt", []byte{0xff, 0xfe}); err == nil || !strings.Contains(err.Error(), "not UTF-8") {
		t.Errorf("invalid UTF-8: %v", err)
	}
}

func TestDatesAgainstTheArticle(t *testing.T) {
	at := time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC) // a Monday
	tests := []struct{ text, from, until string }{
		{"left on Sunday", "2024-01-14", "2024-01-14"},
		{"fired in attacks on Dec. 30 and Jan. 2", "2023-12-30", "2024-01-02"},
		{"transferred since the summer", "2023-06", "2024-01"},
		{"since the fall of 2023", "2023-09", "2024-01"},
		{"arrived on Sunday, the first visit since the fall of the Soviet Union", "2024-01-14", "2024-01-14"},
		{"launched in November", "2023-11", "2023-11"},
		{"between January and September last year", "2023-01", "2023-09"},
		{"on 13 September 2023", "2023-09-13", "2023-09-13"},
		{"in August 2016", "2016-08", "2016-08"},
		{"in 2020", "2020", "2020"},
		{"visit for Jan. 15-17", "2024-01-15", "2024-01-17"},
		{"last week", "2024-01-08", "2024-01-14"},
		{"earlier this week", "2024-01-15", "2024-01-15"},
		{"since last year", "2023", "2024-01"},
	}
	for _, tt := range tests {
		p := periodOf(findDates(tt.text, at), at)
		if p.from.String() != tt.from || p.until.String() != tt.until {
			t.Errorf("%q: %s to %s, want %s to %s", tt.text, p.from, p.until, tt.from, tt.until)
		}
	}
	if ds := findDates("in November", time.Time{}); len(ds) != 0 {
		t.Errorf("without the article's date, a month alone cannot be placed: %v", ds)
	}
}

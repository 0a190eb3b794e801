package extract_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sanctions-dev/sanctions/internal/extract"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

// TestSeedClaims checks what the evaluation does not score: on the seed article, each event has
// the right direction and the claims the article gives it, with their statuses, and no claim
// the article does not make ("the alleged transfer", with Lavrov named earlier in the sentence,
// is alleged by the publisher, not by Lavrov).
func TestSeedClaims(t *testing.T) {
	drafts := draftsOf(t, "00-seed-efe.txt")
	tests := []struct {
		name      string
		find      func(d extract.Draft) bool
		supplier  string
		recipient string
		date      string   // date to end_date
		claims    []string // status:claimant, the claimant by country or, without one, by name
		notBy     string   // a name no claim may have
	}{
		{
			name:     "the containers Seoul estimates",
			find:     func(d extract.Draft) bool { return d.Type == "transfer" && quoted(d, "Seoul estimates") },
			supplier: "KP", recipient: "RU", date: "2023-06 to 2024-01",
			claims: []string{"alleged:KR", "denied:KP", "denied:RU"},
			notBy:  "Sergei Lavrov",
		},
		{
			name:     "the missiles the White House says Russia fired",
			find:     func(d extract.Draft) bool { return d.Type == "transfer" && quoted(d, "White House") },
			supplier: "KP", recipient: "RU", date: "2023-12-30 to 2024-01-02",
			claims: []string{"reported:US", "denied:KP", "denied:RU"},
		},
		{
			name:     "the technical assistance for the satellite",
			find:     func(d extract.Draft) bool { return d.Type == "technical_assistance" },
			supplier: "RU", recipient: "KP", date: "2023-11 to ",
			claims: []string{"alleged:ES"},
		},
		{
			name:   "Choe Son-hui's visit, announced by KCNA and confirmed in Moscow",
			find:   func(d extract.Draft) bool { return d.Type == "meeting" && d.Date == "2024-01-14" },
			date:   "2024-01-14 to 2024-01-17",
			claims: []string{"confirmed:KP", "confirmed:RU"},
			notBy:  "Sergei Lavrov",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := slices.IndexFunc(drafts, tt.find)
			if i < 0 {
				t.Fatalf("no such draft among %d", len(drafts))
			}
			d := drafts[i]
			if tt.supplier != "" && (d.Supplier == nil || d.Supplier.Country != tt.supplier) {
				t.Errorf("supplier = %+v, want %s", d.Supplier, tt.supplier)
			}
			if tt.recipient != "" && (d.Recipient == nil || d.Recipient.Country != tt.recipient) {
				t.Errorf("recipient = %+v, want %s", d.Recipient, tt.recipient)
			}
			if got := d.Date + " to " + d.EndDate; tt.date != "" && got != tt.date {
				t.Errorf("dates %q, want %q", got, tt.date)
			}
			var got []string
			for _, c := range d.Claims {
				who := c.By.Country
				if who == "" {
					who = c.By.Name
				}
				got = append(got, c.Status+":"+who)
				if tt.notBy != "" && c.By.Name == tt.notBy {
					t.Errorf("a claim by %s, who claims nothing: %+v", tt.notBy, c)
				}
			}
			for _, want := range tt.claims {
				if !slices.Contains(got, want) {
					t.Errorf("claims %v lack %s", got, want)
				}
			}
			seen := map[string]bool{}
			for _, e := range d.Evidence {
				if seen[e.Quote] {
					t.Errorf("evidence lists a sentence twice: %.60s", e.Quote)
				}
				seen[e.Quote] = true
			}
		})
	}
}

func quoted(d extract.Draft, words string) bool {
	return slices.ContainsFunc(d.Evidence, func(e extract.Evidence) bool { return strings.Contains(e.Quote, words) })
}

// TestVisitDays: the days of one visit are one meeting ("arrived in Pyongyang on Tuesday",
// "Kim received Shoigu on Wednesday"), and "since the fall of the Soviet Union" is no date.
func TestVisitDays(t *testing.T) {
	var meetings []string
	for _, d := range draftsOf(t, "13-shoigu-visit.txt") {
		if d.Type == "meeting" {
			meetings = append(meetings, d.Date+" to "+d.EndDate)
		}
	}
	if want := []string{"2023-07-25 to 2023-07-26"}; !slices.Equal(meetings, want) {
		t.Errorf("meetings %q, want %q", meetings, want)
	}
}

// draftsOf drafts the events of an article of the evaluation set.
func draftsOf(t *testing.T, name string) []extract.Draft {
	t.Helper()
	x, err := extract.New(testrules.Library(t))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join("../../testdata/extract", name))
	if err != nil {
		t.Fatal(err)
	}
	a, err := extract.Read(name, data)
	if err != nil {
		t.Fatal(err)
	}
	drafts, err := x.Extract(a)
	if err != nil {
		t.Fatal(err)
	}
	return drafts
}

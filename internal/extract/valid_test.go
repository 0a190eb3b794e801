package extract_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sanctions-dev/sanctions/config"
	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/extract"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

// TestDraftsAreValidEvents: every draft of every article of the evaluation set is a valid
// event, so that `extract | check -` never rejects one.
func TestDraftsAreValidEvents(t *testing.T) {
	lib := testrules.Library(t)
	x, err := extract.New(lib)
	if err != nil {
		t.Fatal(err)
	}
	val, err := events.NewValidator(lib.SchemaPath, lib.Schema, lib.Countries)
	if err != nil {
		t.Fatal(err)
	}
	var all []extract.Draft
	used := map[string]bool{}
	for _, art := range testrules.Articles(t, x) {
		all = append(all, extract.Unique(art.Drafts, used)...)
	}
	var out bytes.Buffer
	if err := extract.Encode(&out, "yaml", all); err != nil {
		t.Fatal(err)
	}
	n := 0
	_, err = events.Decode(context.Background(), events.Input{Name: "drafts.yaml", Reader: &out, Format: events.YAML}, config.DefaultLimits(),
		func(r events.Record) error {
			n++
			if r.Event == nil {
				t.Errorf("not an event: %v", r.Problem)
				return nil
			}
			for _, p := range val.Check(r.Event) {
				t.Errorf("%v", p)
			}
			return nil
		})
	if err != nil || n != len(all) || n < 40 {
		t.Errorf("%d of %d drafts read (%v)", n, len(all), err)
	}
}

// FuzzExtract: any text gives drafts without a panic, each with what the event format requires.
func FuzzExtract(f *testing.F) {
	articles, _ := filepath.Glob("../../testdata/extract/*.txt")
	for _, p := range articles {
		data, _ := os.ReadFile(p)
		f.Add(data)
	}
	x, err := extract.New(testrules.Library(f))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := extract.Read("fuzz.txt", data)
		if err != nil {
			return // not UTF-8, or too large: refused
		}
		a.Date = time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC)
		ds, err := x.Extract(a)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range ds {
			if d.ID == "" || d.Type == "" || d.Date == "" || d.Summary == "" || len(d.Claims) == 0 || len(d.Evidence) == 0 {
				t.Fatalf("incomplete draft: %+v", d)
			}
		}
	})
}

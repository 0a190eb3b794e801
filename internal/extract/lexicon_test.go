package extract_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/sanctions-dev/sanctions/internal/extract"
	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

// TestExtractionLists: a word list the extractor needs and the extraction table lacks, or a list
// it cannot use, stops the extractor with an error that names the list; none is read as empty.
func TestExtractionLists(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testrules.Dir(), "data", "extraction.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		change func(map[string][]string)
		want   string
	}{
		{"an event list missing", func(m map[string][]string) { delete(m, "transfer") }, `lacks the list "transfer"`},
		{"a word list missing", func(m map[string][]string) { delete(m, "head_noun") }, `lacks the list "head_noun"`},
		{"a qualifier list missing", func(m map[string][]string) { delete(m, "quantity_approx") }, `lacks the list "quantity_approx"`},
		{"the units missing", func(m map[string][]string) { delete(m, "quantity_unit") }, `lacks the list "quantity_unit"`},
		{"the abbreviations missing", func(m map[string][]string) { delete(m, "abbreviation") }, `lacks the list "abbreviation"`},
		{"a phrase in a word list", func(m map[string][]string) { m["cover"] = append(m["cover"], "hidden away") }, `"hidden away" in the list "cover": want one word`},
		{"a qualifier given twice", func(m map[string][]string) { m["quantity_approx"] = append(m["quantity_approx"], "at least") },
			`"at least" in both quantity_approx and quantity_at_least`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lists := map[string][]string{}
			if err := yaml.Unmarshal(data, &lists); err != nil {
				t.Fatal(err)
			}
			tt.change(lists)
			edited, err := yaml.Marshal(lists)
			if err != nil {
				t.Fatal(err)
			}
			fsys := testrules.FS(t, map[string]string{"data/extraction.yaml": string(edited)})
			lib, err := library.Load(context.Background(), library.Source{Name: "rules", FS: fsys})
			if err == nil {
				_, err = extract.New(lib)
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error with %s", err, tt.want)
			}
		})
	}
}

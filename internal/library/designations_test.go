package library_test

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

// loadDesignations loads the rule library with the designations table changed by edit (the
// table decoded from rules/data/designations.json) and returns the library or its error. The
// exemptions table is emptied: other work on it must not decide these tests.
func loadDesignations(t testing.TB, edit func(root map[string]any)) (*library.Library, error) {
	t.Helper()
	data, err := os.ReadFile(testrules.Dir() + "/data/designations.json")
	if err != nil {
		t.Fatal(err)
	}
	var root map[string]any
	if err := json.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(root)
	}
	changed, err := json.Marshal(root)
	if err != nil {
		t.Fatal(err)
	}
	fsys := testrules.FS(t, map[string]string{"data/designations.json": string(changed), "data/exemptions.yaml": "[]\n"})
	return library.Load(context.Background(), library.Source{Name: "rules", FS: fsys})
}

func entries(root map[string]any) []any { return root["designations"].([]any) }

// entry finds the entry with a reference in the decoded table.
func entry(t testing.TB, root map[string]any, ref string) map[string]any {
	t.Helper()
	for _, x := range entries(root) {
		if d := x.(map[string]any); d["reference"] == ref {
			return d
		}
	}
	t.Fatalf("no entry %s in the shipped table", ref)
	return nil
}

func TestShippedDesignationsAreIndexed(t *testing.T) {
	lib, err := loadDesignations(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	index := lib.Data["index"].(map[string]any)
	byRef := index["designated"].(map[string]any)
	byName := index["designations"].(map[string]any)
	byIMO := index["imo"].(map[string]any)
	n := map[string]int{}
	for _, e := range byRef {
		n[e.(map[string]any)["type"].(string)]++
	}
	if n["individual"] < 75 || n["entity"] < 75 || n["vessel"] < 1 {
		t.Errorf("the shipped table indexes %v", n)
	}
	if byIMO["8705539"] != "IMO 8705539" || byRef["IMO 8705539"].(map[string]any)["name"] != "KUM UN SAN 3" {
		t.Errorf("index.imo: %v", byIMO["8705539"])
	}
	for key, ref := range map[string]string{
		"komid": "KPe.001", // an alias the list puts in quotation marks
		"national aerospace development administration": "KPe.029", // a former name (f.k.a.)
		"kum un san 3": "IMO 8705539", // a vessel's name
		"ri won ho":    "KPi.033",
	} {
		refs, _ := byName[key].([]any)
		found := false
		for _, r := range refs {
			found = found || r == ref
		}
		if !found {
			t.Errorf("index.designations[%q] = %v, want %s among them", key, refs, ref)
		}
	}
}

func TestDesignationErrorsNameTheEntry(t *testing.T) {
	tests := []struct {
		name string
		edit func(t *testing.T, root map[string]any)
		want string
		at   string // the start of the field the error names
	}{
		{"duplicate reference", func(t *testing.T, root map[string]any) {
			entry(t, root, "KPe.002")["reference"] = "KPe.001"
		}, "reference KPe.001 is listed twice", "designations["},
		{"vessel without IMO", func(t *testing.T, root map[string]any) {
			delete(entry(t, root, "IMO 8705539"), "imo")
		}, "]: a vessel needs its IMO number", "designations["},
		{"IMO with a wrong check digit", func(t *testing.T, root map[string]any) {
			v := entry(t, root, "IMO 8705539")
			v["imo"], v["reference"] = "8705538", "IMO 8705538"
		}, "8705538 is not an IMO number: its check digit is wrong", "designations["},
		{"vessel reference that is not its IMO number", func(t *testing.T, root map[string]any) {
			entry(t, root, "IMO 8705539")["reference"] = "KPv.001"
		}, `a vessel's reference is "IMO 8705539"`, "designations["},
		{"vessel listed twice", func(t *testing.T, root map[string]any) {
			v := map[string]any{}
			for k, x := range entry(t, root, "IMO 8705539") {
				v[k] = x
			}
			root["designations"] = append(entries(root), v)
		}, "reference IMO 8705539 is listed twice", "designations["},
		{"IMO number on an entity", func(t *testing.T, root map[string]any) {
			entry(t, root, "KPe.020")["imo"] = "1790183"
		}, "only a vessel has an IMO number", "designations["},
		{"bad date", func(t *testing.T, root map[string]any) {
			entry(t, root, "KPi.033")["listed_on"] = "30 Nov 2016"
		}, "listed_on: want a date like 2009-04-24", "designations["},
		{"delisted before listed", func(t *testing.T, root map[string]any) {
			entry(t, root, "KPi.033")["delisted_on"] = "2010-01-01"
		}, "delisted before it was listed", "designations["},
		{"unknown source", func(t *testing.T, root map[string]any) {
			entry(t, root, "KPe.001")["source"] = "a-blog"
		}, `source "a-blog" is not one of the table's sources`, "designations["},
		{"no source", func(t *testing.T, root map[string]any) {
			delete(entry(t, root, "KPe.001"), "source")
		}, "missing source", "designations["},
		{"unknown type", func(t *testing.T, root map[string]any) {
			entry(t, root, "KPe.001")["type"] = "aircraft"
		}, "type must be individual, entity or vessel", "designations["},
		{"bad country", func(t *testing.T, root map[string]any) {
			entry(t, root, "KPe.001")["country"] = "North Korea"
		}, "country: want an ISO 3166-1 alpha-2 code", "designations["},
		{"unknown key", func(t *testing.T, root map[string]any) {
			entry(t, root, "KPe.001")["nationality"] = []any{"DPRK"}
		}, `unknown key "nationality"`, "designations["},
		{"unknown key at the top", func(t *testing.T, root map[string]any) {
			root["generated"] = "2018-11-01"
		}, `unknown key "generated"`, "generated"},
		{"source without a place", func(t *testing.T, root map[string]any) {
			s := root["sources"].([]any)[0].(map[string]any)
			delete(s, "url")
			delete(s, "repository")
		}, "say where it is", "sources[0]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadDesignations(t, func(root map[string]any) { tt.edit(t, root) })
			if err == nil {
				t.Fatal("loaded")
			}
			msg := err.Error()
			if n := strings.Count(msg, "\n") + 1; n != 1 {
				t.Errorf("%d errors, want 1: %v", n, err)
			}
			if !strings.Contains(msg, "rules/data/designations.json: field "+tt.at) {
				t.Errorf("the error does not name the file and the entry: %v", err)
			}
			if !strings.Contains(msg, tt.want) {
				t.Errorf("got %v\nwant %s", err, tt.want)
			}
		})
	}
}

// BenchmarkLoad measures loading the whole rule library (every run of the checker does it),
// with the shipped designations table.
func BenchmarkLoad(b *testing.B) {
	fsys := testrules.FS(b, map[string]string{"data/exemptions.yaml": "[]\n"})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := library.Load(context.Background(), library.Source{Name: "rules", FS: fsys}); err != nil {
			b.Fatal(err)
		}
	}
}

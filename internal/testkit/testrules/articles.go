package testrules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sanctions-dev/sanctions/internal/extract"
)

// Article is one article of the extractor's evaluation set (testdata/extract) with its drafts.
type Article struct {
	Path   string // the article's file, testdata/extract/NN-name.txt
	Drafts []extract.Draft
}

// Articles runs x over every article of the evaluation set, in file order.
func Articles(t testing.TB, x *extract.Extractor) []Article {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(filepath.Dir(Dir()), "testdata", "extract", "*.txt"))
	if len(paths) == 0 {
		t.Fatal("no articles in testdata/extract")
	}
	var out []Article
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		a, err := extract.Read(filepath.Base(path), data)
		if err != nil {
			t.Fatal(err)
		}
		drafts, err := x.Extract(a)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, Article{Path: path, Drafts: drafts})
	}
	return out
}

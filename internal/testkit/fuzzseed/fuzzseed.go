// Package fuzzseed gives the fuzz targets their seed corpus: the shipped fixtures and the inputs
// of the bad-input corpus (testdata/badinput), in any input format.
package fuzzseed

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"gopkg.in/yaml.v3"

	"github.com/sanctions-dev/sanctions/internal/events"
)

// root is the repository's root directory.
func root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..")
}

// Seeds are the shipped fixtures and the inputs of the bad-input corpus, in the format asked:
// the YAML fixtures are converted to JSON and NDJSON.
func Seeds(f testing.TB, format events.Format) [][]byte {
	f.Helper()
	var out [][]byte
	fixtures, _ := filepath.Glob(filepath.Join(root(), "fixtures", "*", "*.yaml"))
	for _, name := range fixtures {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		switch format {
		case events.YAML:
			out = append(out, data)
		default:
			var doc struct {
				Events []map[string]any `yaml:"events"`
			}
			if err := yaml.Unmarshal(data, &doc); err != nil {
				f.Fatalf("%s: %v", name, err)
			}
			if format == events.JSON {
				b, _ := json.MarshalIndent(map[string]any{"events": doc.Events}, "", "  ")
				out = append(out, b)
				continue
			}
			var b bytes.Buffer
			for _, ev := range doc.Events {
				line, _ := json.Marshal(ev)
				b.Write(append(line, '\n'))
			}
			out = append(out, b.Bytes())
		}
	}
	cases, _ := filepath.Glob(filepath.Join(root(), "testdata", "badinput", "*.txtar"))
	ext := map[events.Format][]string{events.YAML: {".yaml", ".yml"}, events.JSON: {".json"}, events.NDJSON: {".ndjson", ".jsonl"}}[format]
	for _, name := range cases {
		ar, err := txtar.ParseFile(name)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range ar.Files {
			for _, e := range ext {
				if strings.HasPrefix(file.Name, "in/") && strings.HasSuffix(file.Name, e) {
					out = append(out, file.Data)
				}
			}
		}
	}
	if len(out) < 5 {
		f.Fatalf("%d seeds for %s: the fixtures or the corpus are missing", len(out), format)
	}
	return out
}

package scaffold

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
)

func TestDir(t *testing.T) {
	tests := []struct {
		id, want, err string
	}{
		{id: "DPRK-FOO-BAR", want: "sanctions/dprk/foo_bar"},
		{id: "DPRK-CAP-2397", want: "sanctions/dprk/cap_2397"},
		{id: "IRAN-ARMS", want: "sanctions/iran/arms"},
		{id: "DPRK", err: "not a rule id"},
		{id: "dprk-foo", err: "not a rule id"},
		{id: "DPRK-2397-CAP", err: "not a rule id"},
		{id: "DPRK-FOO_BAR", err: "not a rule id"},
		{id: "DPRK-LIB", err: "lib is the folder"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			got, err := Dir(Rule{ID: tt.id, Category: "sectoral"})
			switch {
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Errorf("got %q, %v; want an error with %q", got, err, tt.err)
			case tt.err == "" && (err != nil || got != filepath.FromSlash(tt.want)):
				t.Errorf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// TestFilesAreFormattedRego: the rendered modules parse as Rego v1 and are in opa fmt style
// (the rules' own test refuses a file that is not).
func TestFilesAreFormattedRego(t *testing.T) {
	files, err := Files(Rule{ID: "DPRK-FOO-BAR", Category: "sectoral", Severity: "high", Title: "DPRK foo bars"})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"foo_bar.rego", "foo_bar_test.rego"} {
		src := files[name]
		formatted, err := format.SourceWithOpts(name, src, format.Opts{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, src)
		}
		if !bytes.Equal(formatted, src) {
			t.Errorf("%s is not in opa fmt style:\n%s", name, formatted)
		}
	}
	for _, want := range []string{"id: DPRK-FOO-BAR", "category: sectoral", "severity: high", "title: DPRK foo bars",
		"package sanctions.dprk.foo_bar\n", "import data.sanctions.dprk.lib as dprk", `lib.mentions("foo bar")`} {
		if !bytes.Contains(files["foo_bar.rego"], []byte(want)) {
			t.Errorf("foo_bar.rego lacks %q", want)
		}
	}
	if !bytes.Contains(files["examples.yaml"], []byte("id: ex-dprk-foo-bar\n")) {
		t.Errorf("examples.yaml:\n%s", files["examples.yaml"])
	}
}

func TestWrite(t *testing.T) {
	root := t.TempDir()
	r := Rule{ID: "DPRK-FOO-BAR", Category: "sectoral"}
	if _, err := Write(root, r); err == nil || !strings.Contains(err.Error(), "the regime has no lib") {
		t.Fatalf("without sanctions/dprk/lib: %v", err)
	}
	if err := os.MkdirAll(filepath.Join(root, "sanctions", "dprk", "lib"), 0o755); err != nil {
		t.Fatal(err)
	}
	wrote, err := Write(root, r)
	if err != nil {
		t.Fatal(err)
	}
	if len(wrote) != 3 {
		t.Errorf("wrote %v", wrote)
	}
	for _, p := range wrote {
		if _, err := os.Stat(p); err != nil {
			t.Error(err)
		}
	}
	if _, err := Write(root, r); !errors.Is(err, ErrExists) {
		t.Errorf("a second time: %v, want ErrExists", err)
	}
}

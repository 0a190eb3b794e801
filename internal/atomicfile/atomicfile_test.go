package atomicfile_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/sanctions-dev/sanctions/internal/atomicfile"
)

func TestCommitReplacesAbortKeeps(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "report.json")
	if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}

	f, err := atomicfile.Create(target, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("half")
	f.Abort()
	if got, _ := os.ReadFile(target); string(got) != "old" {
		t.Errorf("after Abort the target holds %q, want the old content", got)
	}

	if err := atomicfile.WriteFile(target, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(target); string(got) != "new" {
		t.Errorf("after WriteFile the target holds %q, want new", got)
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestMissingDirectoryNamesTheTarget(t *testing.T) {
	target := filepath.Join(t.TempDir(), "nope", "report.json")
	_, err := atomicfile.Create(target, 0o644)
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != target || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("got %v, want a path error naming %s", err, target)
	}
}

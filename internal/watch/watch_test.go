package watch

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// start watches paths and returns the channel of calls.
func start(t *testing.T, paths ...string) <-chan []string {
	t.Helper()
	w, err := New(paths)
	if err != nil {
		t.Fatal(err)
	}
	w.Debounce = 100 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	calls := make(chan []string, 16)
	done := make(chan struct{})
	go func() {
		defer close(done)
		w.Run(ctx, func(changed []string) { calls <- changed }, func(err error) { t.Errorf("watch error: %v", err) })
	}()
	t.Cleanup(func() { cancel(); <-done; w.Close() })
	return calls
}

func next(t *testing.T, calls <-chan []string) []string {
	t.Helper()
	select {
	case c := <-calls:
		return c
	case <-time.After(5 * time.Second):
		t.Fatal("no call within 5s")
		return nil
	}
}

func quiet(t *testing.T, calls <-chan []string) {
	t.Helper()
	select {
	case c := <-calls:
		t.Fatalf("unexpected call %v", c)
	case <-time.After(400 * time.Millisecond):
	}
}

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBurstGivesOneCall(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.rego"), filepath.Join(dir, "b.yaml")
	write(t, a, "1")
	calls := start(t, dir)
	for i := range 5 {
		write(t, a, string(rune('a'+i)))
	}
	write(t, b, "x")
	if got := next(t, calls); !slices.Equal(got, []string{a, b}) {
		t.Errorf("changed %v, want %v", got, []string{a, b})
	}
	quiet(t, calls)
}

func TestNewDirectoriesAreWatched(t *testing.T) {
	dir := t.TempDir()
	calls := start(t, dir)
	sub := filepath.Join(dir, "sanctions", "dprk", "new_rule")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	next(t, calls) // the new directory
	f := filepath.Join(sub, "new_rule.rego")
	write(t, f, "package x")
	for {
		got := next(t, calls)
		if slices.Contains(got, f) {
			break
		}
	}
}

func TestFileReplacedByRename(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "sanctions.yaml")
	write(t, f, "check: {}")
	write(t, filepath.Join(dir, "other.yaml"), "")
	calls := start(t, f)
	// An editor's save: write a scratch file, rename it over the original.
	tmp := filepath.Join(dir, ".sanctions.yaml.swp")
	write(t, tmp, "check: {format: json}")
	if err := os.Rename(tmp, f); err != nil {
		t.Fatal(err)
	}
	if got := next(t, calls); !slices.Equal(got, []string{f}) {
		t.Errorf("changed %v, want %v", got, []string{f})
	}
	// Another file in the same directory is not watched.
	write(t, filepath.Join(dir, "other.yaml"), "x")
	quiet(t, calls)
	// The renamed-over file is still watched.
	write(t, f, "check: {format: text}")
	if got := next(t, calls); !slices.Equal(got, []string{f}) {
		t.Errorf("changed %v, want %v", got, []string{f})
	}
}

func TestScratchFilesAreIgnored(t *testing.T) {
	dir := t.TempDir()
	calls := start(t, dir)
	for _, name := range []string{".a.rego.swp", "a.rego~", "#a.rego#", ".hidden"} {
		write(t, filepath.Join(dir, name), "x")
	}
	quiet(t, calls)
}

func TestMissingPathIsAnError(t *testing.T) {
	if _, err := New([]string{filepath.Join(t.TempDir(), "nope")}); err == nil {
		t.Error("no error for a missing path")
	}
}

// TestKubernetesAtomicSwap: a mounted ConfigMap changes by renaming a "..data" link to a new
// directory; that is a change.
func TestKubernetesAtomicSwap(t *testing.T) {
	dir := t.TempDir()
	for _, v := range []string{"..v1", "..v2"} {
		os.Mkdir(filepath.Join(dir, v), 0o755)
		write(t, filepath.Join(dir, v, "sanctions.yaml"), v)
	}
	if err := os.Symlink("..v1", filepath.Join(dir, "..data")); err != nil {
		t.Fatal(err)
	}
	os.Symlink(filepath.Join("..data", "sanctions.yaml"), filepath.Join(dir, "sanctions.yaml"))
	calls := start(t, dir)
	os.Symlink("..v2", filepath.Join(dir, "..data_tmp"))
	if err := os.Rename(filepath.Join(dir, "..data_tmp"), filepath.Join(dir, "..data")); err != nil {
		t.Fatal(err)
	}
	if got := next(t, calls); !slices.Contains(got, filepath.Join(dir, "..data")) {
		t.Errorf("changed %v, want ..data", got)
	}
}

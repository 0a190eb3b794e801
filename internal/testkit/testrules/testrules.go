// Package testrules gives tests a copy of the rule library that they can change file by file.
package testrules

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"testing/fstest"
	"time"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/checkrun"
	"github.com/sanctions-dev/sanctions/internal/library"
)

// Dir is the repository's rules directory.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "rules")
}

// FS copies the rules directory into memory and applies changes: a file's new content, or ""
// to delete it.
func FS(t testing.TB, changes map[string]string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	root := Dir()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		m[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range changes {
		if content == "" {
			delete(m, name)
			continue
		}
		m[name] = &fstest.MapFile{Data: []byte(content)}
	}
	return m
}

// Library loads the repository's rules.
func Library(t testing.TB) *library.Library {
	t.Helper()
	lib, err := library.Load(context.Background(), Source())
	if err != nil {
		t.Fatalf("loading the rules: %v", err)
	}
	return lib
}

// Source is the repository's rules directory, as a library source.
func Source() library.Source { return library.Source{Name: "rules", FS: os.DirFS(Dir())} }

// Engine loads and compiles the repository's rules.
func Engine(t testing.TB) *evaluator.Engine {
	t.Helper()
	eng, err := evaluator.Load(context.Background(), evaluator.Options{Sources: []library.Source{Source()}, EventTimeout: time.Minute})
	if err != nil {
		t.Fatalf("compiling the rules: %v", err)
	}
	return eng
}

// CopyTree copies the directory src to dst, for tests that edit files while a command watches
// them.
func CopyTree(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// WaitFor polls cond until it holds, and fails the test after 20 seconds, naming what it waited
// for.
func WaitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Check is a check run over the inputs of a command line's paths (no standard input); a path
// that does not exist is a mistake in the test: it panics.
func Check(paths ...string) *checkrun.Check {
	inputs, err := checkrun.Paths(paths, checkrun.Input{})
	if err != nil {
		panic(err)
	}
	return &checkrun.Check{Inputs: inputs}
}

//go:build unix

package library_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

// TestOnlyRegularFilesInside: every kind of file the library could be led to read that is not
// a regular file inside it is refused at load with its path, and nothing blocks: a data table
// linked outside the library (its contents would reach findings), a rule linked outside, a link
// through a linked directory, a FIFO (which would block the load), a link to a FIFO. A link to
// a regular file inside the library is read.
func TestOnlyRegularFilesInside(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.yaml")
	if err := os.WriteFile(outside, []byte("secret: value\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		make func(dir string) error
		file string // the file named in the problem
		want string // "" when the load succeeds
	}{
		{"data table linked outside", func(dir string) error {
			return os.Symlink(outside, filepath.Join(dir, "data", "leak.yaml"))
		}, "data/leak.yaml", "a symbolic link to " + outside + ", outside the rule library: refused"},
		{"relative link climbing out", func(dir string) error {
			return os.Symlink("../../"+filepath.Base(filepath.Dir(outside))+"/secret.yaml", filepath.Join(dir, "data", "leak.yaml"))
		}, "data/leak.yaml", "outside the rule library: refused"},
		{"rule linked outside", func(dir string) error {
			return os.Symlink(outside, filepath.Join(dir, "sanctions", "dprk", "arms_export", "leak.rego"))
		}, "sanctions/dprk/arms_export/leak.rego", "outside the rule library: refused"},
		{"link through a linked directory", func(dir string) error {
			if err := os.Symlink(filepath.Dir(outside), filepath.Join(dir, "data", "out")); err != nil {
				return err
			}
			return os.Symlink("out/secret.yaml", filepath.Join(dir, "data", "leak.yaml"))
		}, "data/leak.yaml", "through a linked directory: refused"},
		{"FIFO", func(dir string) error {
			return syscall.Mkfifo(filepath.Join(dir, "data", "stuck.yaml"), 0o644)
		}, "data/stuck.yaml", "not a regular file (a named pipe): refused (the library reads regular files only)"},
		{"link to a FIFO inside", func(dir string) error {
			if err := syscall.Mkfifo(filepath.Join(dir, "stuck"), 0o644); err != nil {
				return err
			}
			return os.Symlink("../stuck", filepath.Join(dir, "data", "stuck.yaml"))
		}, "data/stuck.yaml", "not a regular file (a named pipe): refused"},
		{"link to a regular file inside is read", func(dir string) error {
			if err := os.Rename(filepath.Join(dir, "data", "countries.yaml"), filepath.Join(dir, "countries.yaml")); err != nil {
				return err
			}
			return os.Symlink("../countries.yaml", filepath.Join(dir, "data", "countries.yaml"))
		}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "rules")
			testrules.CopyTree(t, testrules.Dir(), dir)
			if err := tc.make(dir); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			_, err := library.Load(ctx, library.Source{Name: "rules", FS: os.DirFS(dir)})
			if tc.want == "" {
				if err != nil {
					t.Fatalf("load: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), "rules/"+tc.file+": ") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("load error %v, want rules/%s: ...%s", err, tc.file, tc.want)
			}
			if err != nil && strings.Contains(err.Error(), "secret") && !strings.Contains(err.Error(), "secret.yaml") {
				t.Errorf("the outside file's contents reached the error: %v", err)
			}
		})
	}
}

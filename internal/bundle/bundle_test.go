package bundle_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	opabundle "github.com/open-policy-agent/opa/v1/bundle"

	"github.com/sanctions-dev/sanctions/internal/bundle"
	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

// TestRevisionIsAContentDigest: the manifest's revision is the same for the same rules, changes
// when a rule changes, and the tarball reads back with it.
func TestRevisionIsAContentDigest(t *testing.T) {
	build := func(changes map[string]string) (string, []byte) {
		lib, err := library.Load(context.Background(), library.Source{Name: "rules", FS: testrules.FS(t, changes)})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		rev, err := bundle.Write(&buf, lib, "")
		if err != nil {
			t.Fatal(err)
		}
		return rev, buf.Bytes()
	}
	rev1, tar1 := build(nil)
	rev2, tar2 := build(nil)
	if rev1 != rev2 || !bytes.Equal(tar1, tar2) || !strings.HasPrefix(rev1, "sha256:") {
		t.Errorf("revisions %s and %s (tarballs equal: %v) for the same rules", rev1, rev2, bytes.Equal(tar1, tar2))
	}
	p := "sanctions/dprk/arms_export/arms_export.rego"
	src, err := os.ReadFile(filepath.Join(testrules.Dir(), p))
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(src), "#   severity: high", "#   severity: critical", 1)
	if rev3, _ := build(map[string]string{p: edited}); rev3 == rev1 || edited == string(src) {
		t.Errorf("editing a rule left the revision at %s", rev3)
	}
	b, err := opabundle.NewReader(bytes.NewReader(tar1)).Read()
	if err != nil {
		t.Fatal(err)
	}
	if b.Manifest.Revision != rev1 || len(b.Modules) < 17 || b.Data["sanctions"] == nil {
		t.Errorf("read back: revision %s, %d modules", b.Manifest.Revision, len(b.Modules))
	}
}

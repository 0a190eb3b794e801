package rules_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"

	"github.com/sanctions-dev/sanctions/config"
	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/ruledoc"
	"github.com/sanctions-dev/sanctions/internal/ruletest"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

// TestRules runs every *_test.rego and every examples.yaml of this directory's rule library,
// compiled exactly as `sanctions check` compiles it.
func TestRules(t *testing.T) {
	ctx := context.Background()
	lib, eng := testrules.Library(t), testrules.Engine(t)
	rego, err := ruletest.Rego(ctx, lib)
	if err != nil {
		t.Fatalf("compiling the Rego tests: %v", err)
	}
	examples, err := ruletest.Examples(ctx, eng, config.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if len(rego) < len(eng.Rules())*2 {
		t.Errorf("only %d Rego tests for %d rules: every rule needs firing and quiet tests", len(rego), len(eng.Rules()))
	}
	if len(examples) < len(eng.Rules())*2 {
		t.Errorf("only %d examples for %d rules", len(examples), len(eng.Rules()))
	}
	for _, c := range append(rego, examples...) {
		if !c.Pass {
			t.Error(c.String())
		}
	}
	t.Logf("%d Rego tests, %d examples", len(rego), len(examples))
}

// TestEmbeddedCopyMatchesDirectory makes sure the binary's fallback is this directory.
func TestEmbeddedCopyMatchesDirectory(t *testing.T) {
	ctx := context.Background()
	disk, err := library.Load(ctx, library.Source{Name: "x", FS: os.DirFS(".")})
	if err != nil {
		t.Fatal(err)
	}
	emb, err := library.Load(ctx, library.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	if len(disk.Modules) != len(emb.Modules) || len(disk.Tests) != len(emb.Tests) || len(disk.Examples) != len(emb.Examples) {
		t.Errorf("embedded copy differs: %d/%d modules, %d/%d tests, %d/%d examples",
			len(emb.Modules), len(disk.Modules), len(emb.Tests), len(disk.Tests), len(emb.Examples), len(disk.Examples))
	}
}

// TestRegoIsFormatted keeps every module in `opa fmt` style.
func TestRegoIsFormatted(t *testing.T) {
	n := 0
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return err
		}
		n++
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		formatted, err := format.SourceWithOpts(p, src, format.Opts{RegoVersion: ast.RegoV1})
		if err != nil {
			return err
		}
		if !bytes.Equal(src, formatted) {
			t.Errorf("%s is not formatted: run opa fmt -w rules", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Errorf("only %d Rego files found", n)
	}
}

// TestReferenceIsCurrent fails when docs/rules.md no longer says what the rules' metadata says.
func TestReferenceIsCurrent(t *testing.T) {
	want := ruledoc.Markdown(testrules.Engine(t).Rules())
	got, err := os.ReadFile("../docs/rules.md")
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("docs/rules.md is out of date: run go run ./cmd/sanctions rules doc > docs/rules.md (%v)", err)
	}
}

package rules_test

import (
	"context"
	"os"
	"testing"

	"github.com/sanctions-dev/sanctions/ruleset"
	"github.com/sanctions-dev/sanctions/ruletest"
	"github.com/sanctions-dev/sanctions/runner"
)

// TestRules runs every *_test.rego and every examples.yaml of this directory's rule library,
// compiled exactly as `sanctions check` compiles it.
func TestRules(t *testing.T) {
	ctx := context.Background()
	lib, err := ruleset.Load(ctx, ruleset.Source{Name: ".", FS: os.DirFS(".")})
	if err != nil {
		t.Fatalf("loading the rules: %v", err)
	}
	eng, err := runner.NewEngine(ctx, lib)
	if err != nil {
		t.Fatalf("compiling the rules: %v", err)
	}
	rego, err := ruletest.Rego(ctx, lib)
	if err != nil {
		t.Fatalf("compiling the Rego tests: %v", err)
	}
	examples, err := ruletest.Examples(ctx, lib, eng)
	if err != nil {
		t.Fatal(err)
	}
	if len(rego) < len(eng.Evaluator.Rules())*2 {
		t.Errorf("only %d Rego tests for %d rules: every rule needs firing and quiet tests", len(rego), len(eng.Evaluator.Rules()))
	}
	if len(examples) < len(eng.Evaluator.Rules())*2 {
		t.Errorf("only %d examples for %d rules", len(examples), len(eng.Evaluator.Rules()))
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
	disk, err := ruleset.Load(ctx, ruleset.Source{Name: "x", FS: os.DirFS(".")})
	if err != nil {
		t.Fatal(err)
	}
	emb, err := ruleset.Load(ctx, ruleset.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	if len(disk.Modules) != len(emb.Modules) || len(disk.Tests) != len(emb.Tests) || len(disk.Examples) != len(emb.Examples) {
		t.Errorf("embedded copy differs: %d/%d modules, %d/%d tests, %d/%d examples",
			len(emb.Modules), len(disk.Modules), len(emb.Tests), len(disk.Tests), len(emb.Examples), len(disk.Examples))
	}
}

// Package rulecheck checks a rule library without running it: what `opa fmt --fail` and
// `opa check --strict` say of its Rego, and what loading it says (its METADATA against
// schema/metadata.json, its data tables against their schemas and each other, the designations,
// the exemptions, the schemas themselves), every problem at once with its file and line. It is
// `sanctions rules check`; the rules' tests and examples are `sanctions rules test`
// (internal/ruletest).
package rulecheck

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/compile"
	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/library"
)

// Problem is one problem of the library, with its place.
type Problem struct {
	diag.Problem
	// Diff, for a file not in opa fmt style, is its first lines that differ: "-" as written,
	// "+" as opa fmt writes them, after the line above them (" ").
	Diff []string `json:"diff,omitempty"`
}

// Report is what Check found.
type Report struct {
	Sources   []string  // the sources checked, by name
	RegoFiles int       // the Rego files read (rules, libraries, tests)
	Rules     int       // the rules that load and compile
	Problems  []Problem // sorted by file, line and column
}

// Check reads the library from its sources and reports every problem found:
//
//   - a Rego file that opa fmt would change (as opa fmt --fail), with the first lines that differ;
//   - what loading the library finds (Rego that does not parse, METADATA outside the vocabulary
//     of schema/metadata.json, a data table its schema or the other tables refuse, a schema
//     that is not one), as `sanctions check` would refuse the library;
//   - what compiling every module that parses, rules and tests alike, finds in strict mode and
//     against the event schema, with the builtins the checker refuses (as opa check --strict,
//     and more), whether or not loading found problems;
//   - when all that is clean, what the checker finds when it prepares the rules.
//
// The error is only for a cancelled ctx.
func Check(ctx context.Context, sources ...library.Source) (*Report, error) {
	r := &Report{}
	parsed := &library.Library{Modules: map[string]*ast.Module{}, Tests: map[string]*ast.Module{}}
	for _, src := range sources {
		r.Sources = append(r.Sources, src.Name)
		if err := r.readRego(ctx, src, parsed); err != nil {
			return nil, err
		}
	}
	var probs diag.List
	lib, err := library.Load(ctx, sources...)
	if ctxErr := ctx.Err(); ctxErr != nil {
		return nil, ctxErr
	}
	if err != nil {
		probs = append(probs, diag.Problems(err)...)
	}
	// Compiled as the checker compiles, whatever loading said: a fault in a data table or in
	// one rule's METADATA does not hide the others' Rego.
	parsed.Schema = eventSchema(lib, sources)
	c := compile.NewCompiler(parsed, true).SetErrorLimit(0)
	c.Compile(compile.Modules(parsed, true))
	if c.Failed() {
		probs = append(probs, library.FromAST(c.Errors)...)
	}
	if len(probs) == 0 {
		eng, err := evaluator.Load(ctx, evaluator.Options{Sources: sources})
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, ctxErr
		}
		if err != nil {
			probs = append(probs, diag.Problems(err)...)
		} else {
			r.Rules = len(eng.Rules())
		}
	}
	seen := map[string]bool{}
	for _, p := range probs {
		key := fmt.Sprintf("%s:%d:%d:%s", p.File, p.Line, p.Column, p.Message)
		if !seen[key] {
			seen[key] = true
			r.Problems = append(r.Problems, Problem{Problem: *p})
		}
	}
	sortProblems(r.Problems)
	return r, nil
}

// eventSchema is the schema rules are compiled against: the loaded library's, else the one its
// sources hold, if it is JSON, else none (any input).
func eventSchema(lib *library.Library, sources []library.Source) map[string]any {
	if lib != nil {
		return lib.Schema
	}
	for _, src := range sources {
		data, err := fs.ReadFile(src.FS, library.SchemaFile)
		if err != nil {
			continue
		}
		var s map[string]any
		if json.Unmarshal(data, &s) == nil {
			return s
		}
	}
	return map[string]any{}
}

// readRego reads every Rego file of a source, as loading does: each is compared with what opa fmt
// makes of it, and those that parse go into parsed (modules and tests) to be compiled. A file
// that does not parse or cannot be read is left to loading, which reports it.
func (r *Report) readRego(ctx context.Context, src library.Source, parsed *library.Library) error {
	return fs.WalkDir(src.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir // as loading does
			}
			return nil
		}
		if !strings.HasSuffix(p, ".rego") {
			return nil
		}
		data, err := fs.ReadFile(src.FS, p)
		if err != nil {
			return nil
		}
		r.RegoFiles++
		name := path.Join(src.Name, p)
		m, err := ast.ParseModuleWithOpts(name, string(data), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			return nil
		}
		if strings.HasSuffix(p, "_test.rego") {
			parsed.Tests[name] = m
		} else {
			parsed.Modules[name] = m
		}
		formatted, err := format.SourceWithOpts(name, data, format.Opts{RegoVersion: ast.RegoV1})
		if err != nil || bytes.Equal(data, formatted) {
			return nil
		}
		line, diff := firstDifference(data, formatted)
		r.Problems = append(r.Problems, Problem{
			Problem: diag.Problem{File: name, Line: line,
				Message: "not in opa fmt style (opa fmt --fail fails on it; opa fmt -w " + name + " rewrites it)"},
			Diff: diff,
		})
		return nil
	})
}

// diffContext bounds the lines of each side of a difference shown.
const diffContext = 3

// firstDifference is the first line where have and want differ, and the lines of each from
// there to where they agree again (at most diffContext of each): "-" as in have, "+" as in want,
// after the line above, " " (when there is one).
func firstDifference(have, want []byte) (int, []string) {
	h := strings.Split(string(have), "\n")
	w := strings.Split(string(want), "\n")
	i := 0
	for i < len(h) && i < len(w) && h[i] == w[i] {
		i++
	}
	hEnd, wEnd := min(len(h), i+diffContext), min(len(w), i+diffContext)
	best := -1
	for a := i; a < min(len(h), i+2*diffContext); a++ {
		for b := i; b < min(len(w), i+2*diffContext); b++ {
			if h[a] == w[b] && strings.TrimSpace(h[a]) != "" && (best < 0 || a+b < best) {
				best, hEnd, wEnd = a+b, a, b
			}
		}
	}
	var diff []string
	if i > 0 {
		diff = append(diff, " "+h[i-1])
	}
	for _, l := range h[i:min(hEnd, i+diffContext)] {
		diff = append(diff, "-"+l)
	}
	for _, l := range w[i:min(wEnd, i+diffContext)] {
		diff = append(diff, "+"+l)
	}
	return i + 1, diff
}

func sortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
}

// Package bundle writes the rule library as an OPA bundle: the rule modules and the data
// document (tables and derived indexes) at data.sanctions, with a manifest whose revision is a
// digest of the content. A stock OPA server serving it answers data.sanctions.findings for an
// event exactly as `sanctions check` does.
package bundle

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	opabundle "github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/format"

	"github.com/sanctions-dev/sanctions/internal/library"
)

// Revision is the digest of the library's modules (by path) and data: the revision of its
// bundle, the same for the same rules. `sanctions serve` reports it for the rules it serves.
func Revision(lib *library.Library) (string, error) {
	h := sha256.New()
	for _, name := range lib.ModuleNames() {
		io.WriteString(h, "/"+lib.Paths[name])
		h.Write(lib.Raw[name])
	}
	raw, err := dataJSON(lib)
	if err != nil {
		return "", err
	}
	h.Write(raw)
	return "sha256:" + hex.EncodeToString(h.Sum(nil))[:16], nil
}

// Build makes the bundle. An empty revision is replaced by the library's Revision.
func Build(lib *library.Library, revision string) (*opabundle.Bundle, error) {
	var modules []opabundle.ModuleFile
	for _, name := range lib.ModuleNames() {
		path := "/" + lib.Paths[name]
		modules = append(modules, opabundle.ModuleFile{URL: path, Path: path, Raw: lib.Raw[name], Parsed: lib.Modules[name]})
	}
	if revision == "" {
		var err error
		if revision, err = Revision(lib); err != nil {
			return nil, err
		}
	}
	raw, err := dataJSON(lib)
	if err != nil {
		return nil, err
	}
	roots := []string{"sanctions"}
	v1 := 1
	var plain map[string]any
	if err := json.Unmarshal(raw, &plain); err != nil {
		return nil, err
	}
	return &opabundle.Bundle{
		Manifest: opabundle.Manifest{Revision: revision, Roots: &roots, RegoVersion: &v1},
		Data:     plain,
		Modules:  modules,
	}, nil
}

// dataJSON is the data document at data.sanctions, map keys sorted: a stable digest.
func dataJSON(lib *library.Library) ([]byte, error) {
	return json.Marshal(map[string]any{"sanctions": lib.Data})
}

// Write writes the bundle as a gzipped tarball.
func Write(w io.Writer, lib *library.Library, revision string) (string, error) {
	return WriteWith(w, lib, revision, false)
}

// WriteWith is Write, and with tests the library's Rego tests (*_test.rego) go in the bundle
// too, at their paths in the library, so that `opa test --bundle` runs them on the bundle's
// rules and data. The revision is the same: tests change nothing a server answers.
func WriteWith(w io.Writer, lib *library.Library, revision string, tests bool) (string, error) {
	b, err := Build(lib, revision)
	if err != nil {
		return "", err
	}
	if tests {
		ts, err := testModules(lib)
		if err != nil {
			return "", err
		}
		b.Modules = append(b.Modules, ts...)
	}
	return b.Manifest.Revision, opabundle.NewWriter(w).DisableFormat(true).Write(*b)
}

// testModules are the library's Rego tests as bundle files, in opa fmt style (the library
// keeps their parsed form; a test of the rules keeps the files in that style).
func testModules(lib *library.Library) ([]opabundle.ModuleFile, error) {
	names := slices.Sorted(maps.Keys(lib.Tests))
	var out []opabundle.ModuleFile
	for _, name := range names {
		raw, err := format.AstWithOpts(lib.Tests[name], format.Opts{RegoVersion: ast.RegoV1})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		path := "/" + name
		for _, src := range lib.Sources {
			if rel, ok := strings.CutPrefix(name, src+"/"); ok {
				path = "/" + rel
				break
			}
		}
		out = append(out, opabundle.ModuleFile{URL: path, Path: path, Raw: raw, Parsed: lib.Tests[name]})
	}
	return out, nil
}

// Package opabundle writes the rule library as an OPA bundle: the rule modules and the data
// document (tables and derived indexes) at data.sanctions, with a manifest whose revision is a
// digest of the content. A stock OPA server serving it answers data.sanctions.findings for an
// event exactly as `sanctions check` does.
package opabundle

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"sort"

	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/sanctions-dev/sanctions/ruleset"
)

// Build makes the bundle. An empty revision is replaced by a digest of the modules and data,
// so the same rules always give the same revision.
func Build(lib *ruleset.Library, revision string) (*bundle.Bundle, error) {
	names := lib.ModuleNames()
	sort.Strings(names)
	h := sha256.New()
	var modules []bundle.ModuleFile
	for _, name := range names {
		path := "/" + lib.Paths[name]
		io.WriteString(h, path)
		h.Write(lib.Raw[name])
		modules = append(modules, bundle.ModuleFile{URL: path, Path: path, Raw: lib.Raw[name], Parsed: lib.Modules[name]})
	}
	data := map[string]any{"sanctions": lib.Data}
	raw, err := json.Marshal(data) // map keys sorted: a stable digest
	if err != nil {
		return nil, err
	}
	h.Write(raw)
	if revision == "" {
		revision = "sha256:" + hex.EncodeToString(h.Sum(nil))[:16]
	}
	roots := []string{"sanctions"}
	v1 := 1
	var plain map[string]any
	if err := json.Unmarshal(raw, &plain); err != nil {
		return nil, err
	}
	return &bundle.Bundle{
		Manifest: bundle.Manifest{Revision: revision, Roots: &roots, RegoVersion: &v1},
		Data:     plain,
		Modules:  modules,
	}, nil
}

// Write writes the bundle as a gzipped tarball.
func Write(w io.Writer, lib *ruleset.Library, revision string) (string, error) {
	b, err := Build(lib, revision)
	if err != nil {
		return "", err
	}
	return b.Manifest.Revision, bundle.NewWriter(w).DisableFormat(true).Write(*b)
}

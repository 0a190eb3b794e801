// Package bundle writes the rule library as an OPA bundle: the rule modules and the data
// document (tables and derived indexes) at data.sanctions, with a manifest whose revision is a
// digest of the content. A stock OPA server serving it answers data.sanctions.findings for an
// event exactly as `sanctions check` does.
package bundle

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"sort"

	opabundle "github.com/open-policy-agent/opa/v1/bundle"

	"github.com/sanctions-dev/sanctions/internal/library"
)

// Build makes the bundle. An empty revision is replaced by a digest of the modules and data,
// so the same rules always give the same revision.
func Build(lib *library.Library, revision string) (*opabundle.Bundle, error) {
	names := lib.ModuleNames()
	sort.Strings(names)
	h := sha256.New()
	var modules []opabundle.ModuleFile
	for _, name := range names {
		path := "/" + lib.Paths[name]
		io.WriteString(h, path)
		h.Write(lib.Raw[name])
		modules = append(modules, opabundle.ModuleFile{URL: path, Path: path, Raw: lib.Raw[name], Parsed: lib.Modules[name]})
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
	return &opabundle.Bundle{
		Manifest: opabundle.Manifest{Revision: revision, Roots: &roots, RegoVersion: &v1},
		Data:     plain,
		Modules:  modules,
	}, nil
}

// Write writes the bundle as a gzipped tarball.
func Write(w io.Writer, lib *library.Library, revision string) (string, error) {
	b, err := Build(lib, revision)
	if err != nil {
		return "", err
	}
	return b.Manifest.Revision, opabundle.NewWriter(w).DisableFormat(true).Write(*b)
}

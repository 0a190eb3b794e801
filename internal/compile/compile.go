// Package compile sets up OPA's compiler as the checker compiles a rule library: the event
// schema at every module's input, strict mode, METADATA as type annotations, and capabilities
// without the builtins that reach the network, the clock, randomness or the environment. The
// evaluator, the Rego test runner and the tests all compile through it, so a rule behaves the
// same everywhere.
package compile

import (
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/sanctions-dev/sanctions/internal/library"
)

// FindingsQuery is what an OPA server answers for one event: every rule's findings.
const FindingsQuery = "data.sanctions.findings"

// ResultQuery is the query evaluated per event: the findings, and the exempted findings.
const ResultQuery = "data.sanctions.result"

// Refused lists the builtins a rule may not call, by name or by prefix ending in ".". Any
// builtin OPA marks non-deterministic is refused as well. Those that read the clock without
// saying so are refused by name: crypto.x509.parse_and_verify_certificates* check expiry against
// the wall clock, so a rule's result would change with the day it runs. net.cidr_* compute on
// their arguments and stay; net.lookup_ip_addr reaches the network.
var Refused = []string{
	"http.send", "net.lookup_ip_addr", "opa.runtime", "time.now_ns", "rand.", "uuid.",
	"crypto.x509.parse_and_verify_certificates", "crypto.x509.parse_and_verify_certificates_with_options",
	"io.jwt.decode_verify",
}

// Rules compiles the library's modules (and tests, when asked) with the schema, strict mode
// and the safe capabilities.
func Rules(lib *library.Library, withTests bool) (*ast.Compiler, error) {
	c := NewCompiler(lib, withTests)
	c.Compile(Modules(lib, withTests))
	if c.Failed() {
		probs := library.FromAST(c.Errors)
		probs.Sort()
		return nil, probs
	}
	return c, nil
}

// NewCompiler is a compiler set up as the checker compiles rules: schema type checking, strict
// mode, the safe capabilities (and print statements when compiling tests).
func NewCompiler(lib *library.Library, withTests bool) *ast.Compiler {
	ss := ast.NewSchemaSet()
	ss.Put(ast.SchemaRootRef, lib.Schema)                // every module's input is an event
	ss.Put(ast.MustParseRef("schema.event"), lib.Schema) // for `schemas: - input: schema.event`
	return ast.NewCompiler().
		WithCapabilities(Capabilities()).
		WithSchemas(ss).
		WithUseTypeCheckAnnotations(true).
		WithStrict(true).
		WithEnablePrintStatements(withTests)
}

// Modules copies the library's modules (and tests, when asked) for one compilation.
func Modules(lib *library.Library, withTests bool) map[string]*ast.Module {
	modules := make(map[string]*ast.Module, len(lib.Modules)+len(lib.Tests))
	for name, m := range lib.Modules {
		modules[name] = m.Copy()
	}
	if withTests {
		for name, m := range lib.Tests {
			modules[name] = m.Copy()
		}
	}
	return modules
}

// NewStore holds the library's data at data.sanctions.
func NewStore(lib *library.Library) storage.Store {
	return inmem.NewFromObjectWithOpts(map[string]any{"sanctions": lib.Data}, inmem.OptReturnASTValuesOnRead(true))
}

// Capabilities are OPA's, less the refused builtins, and with no network access.
func Capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	kept := caps.Builtins[:0]
	for _, b := range caps.Builtins {
		if !IsRefused(b) {
			kept = append(kept, b)
		}
	}
	caps.Builtins = kept
	caps.AllowNet = []string{}
	return caps
}

// IsRefused reports whether rules may not call the builtin.
func IsRefused(b *ast.Builtin) bool {
	if b.Nondeterministic {
		return true
	}
	for _, r := range Refused {
		if b.Name == r || (strings.HasSuffix(r, ".") && strings.HasPrefix(b.Name, r)) {
			return true
		}
	}
	return false
}

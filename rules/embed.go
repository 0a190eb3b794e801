// Package rules is the rule library shipped with the tool, embedded in the binary so that
// `sanctions` works anywhere. At run time the tool prefers rules read from disk (--rules,
// rules.paths, ./rules); this copy is the fallback. See internal/library for the layout.
package rules

import "embed"

// FS holds schema/, data/ and sanctions/ as they are in this directory.
//
//go:embed schema data sanctions
var FS embed.FS

// Package evaluator is the public API of the checker: Load reads a rule library, validates it,
// compiles it and prepares its queries once; the Engine it returns judges events, one Verdict
// each, and is safe for concurrent use.
//
// Compilation is strict: METADATA is processed, every module is type-checked against the event
// schema (a rule reading input.suplier fails with its file, line and column), builtin errors are
// raised rather than hidden, and the builtins that reach the network, the clock, randomness or
// the environment are refused. One query, data.sanctions.result, is prepared once and evaluated
// per event; when it fails, each rule is evaluated alone so the error names its rule and the other
// rules' findings are kept.
package evaluator

import (
	"context"
	"errors"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"

	"github.com/sanctions-dev/sanctions/internal/compile"
	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/library"
)

// Options say where the rules are and how to judge with them.
type Options struct {
	// Sources are the rule library's directories (or the embedded copy), in order; see
	// library.Resolve. At least one is needed.
	Sources []library.Source
	// KeepGoing leaves out the rules that do not parse or compile (their whole directory, see
	// library.RuleDir) instead of failing: SetAside lists them with why. Problems in shared
	// files still fail.
	KeepGoing bool
	// EventTimeout bounds the evaluation of one event (0: no bound). A rule that runs longer is
	// reported as failing on that event, with its file and line.
	EventTimeout time.Duration
	// Regimes, when not empty, restricts the engine to the rules of these regimes (DPRK, IRAN,
	// ...: the metadata schema's custom.regime); the others are not loaded.
	Regimes []string
}

// Event is one event read from an input, with its file and line.
type Event = events.Event

// Engine is a loaded, validated and compiled rule library with its prepared queries and the
// event validator built from its schema. It does not change after Load.
type Engine struct {
	lib       *library.Library
	validator *events.Validator
	compiler  *ast.Compiler
	store     storage.Store
	all       rego.PreparedEvalQuery
	rules     []Rule
	perRule   []rego.PreparedEvalQuery // same order as rules
	timeout   time.Duration
}

// Load reads the rule library from opts.Sources, checks it, compiles it and prepares its
// queries. Problems in the rules come back as a diag.List, each with file, line and column.
// With KeepGoing, the rules at fault are left out of the engine and listed by SetAside.
func Load(ctx context.Context, opts Options) (*Engine, error) {
	lib, err := library.LoadWith(ctx, library.Options{KeepGoing: opts.KeepGoing}, opts.Sources...)
	if err != nil {
		return nil, err
	}
	if len(opts.Regimes) > 0 {
		if err := lib.KeepRegimes(opts.Regimes); err != nil {
			return nil, err
		}
	}
	c, rules, err := compileKeepingGoing(lib, opts.KeepGoing)
	if err != nil {
		return nil, err
	}
	val, err := events.NewValidator(lib.SchemaPath, lib.Schema, lib.Countries)
	if err != nil {
		return nil, err
	}
	e := &Engine{lib: lib, validator: val, compiler: c, store: compile.NewStore(lib), rules: rules, timeout: opts.EventTimeout}
	if e.all, err = e.prepare(ctx, compile.ResultQuery); err != nil {
		return nil, err
	}
	for _, r := range rules {
		q, err := e.prepare(ctx, r.Package+".finding")
		if err != nil {
			return nil, err
		}
		e.perRule = append(e.perRule, q)
	}
	return e, nil
}

// compileKeepingGoing compiles the library; under keepGoing, it drops the directory of each rule
// at fault from the library (one step of loading) and compiles again until what is left
// compiles.
func compileKeepingGoing(lib *library.Library, keepGoing bool) (*ast.Compiler, []Rule, error) {
	for {
		var probs diag.List
		var rules []Rule
		c, err := compile.Rules(lib, false)
		if err != nil {
			if !errors.As(err, &probs) {
				return nil, nil, err
			}
		} else {
			rules, probs = rulesOf(c)
		}
		if len(probs) == 0 {
			return c, rules, nil
		}
		probs.Sort()
		if !keepGoing {
			return nil, nil, probs
		}
		byDir := map[string]diag.List{}
		for _, p := range probs {
			dir := lib.RuleDirOf(p.File)
			if dir == "" {
				return nil, nil, probs // a shared file: every rule depends on it
			}
			byDir[dir] = append(byDir[dir], p)
		}
		for dir, why := range byDir {
			lib.Drop(dir, why)
		}
	}
}

// Rules lists the rules, sorted by id.
func (e *Engine) Rules() []Rule { return e.rules }

// SetAside lists the rules left out under Options.KeepGoing (at load or at compilation), each
// problem with its file, line and, when known, rule id.
func (e *Engine) SetAside() diag.List { return e.lib.SetAside }

// Library is the rule library the engine was built from: its sources, modules and tables.
func (e *Engine) Library() *library.Library { return e.lib }

// Judge validates one event, converts it once to the value rules see, and evaluates every rule
// on it. A rule that fails, or runs past the per-event time limit, is in Verdict.Failed with its
// id; the other rules' findings are kept.
func (e *Engine) Judge(ctx context.Context, ev *Event) Verdict {
	v := Verdict{EventID: ev.ID, Location: Location{File: ev.Pos.File, Line: ev.Pos.Line}}
	if probs := e.validator.Check(ev); len(probs) > 0 {
		v.Rejected = probs
		return v
	}
	v.Event = infoOf(ev) // once validated: the validator reads the type and dates
	input, err := ast.InterfaceToValue(ev.Doc)
	if err != nil {
		v.Rejected = diag.List{{File: ev.Pos.File, Line: ev.Pos.Line, EventID: ev.ID, Message: err.Error()}}
		return v
	}
	j, errs := e.evaluate(ctx, input)
	v.Findings, v.Exempted = j.Findings, j.Exempted
	for _, re := range errs {
		v.Failed = append(v.Failed, re.problem(ev.ID, ev.Pos.File, ev.Pos.Line))
	}
	return v
}

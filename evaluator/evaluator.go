// Package evaluator compiles a rule library once and judges events against it.
//
// Compilation is strict: METADATA is processed, every module is type-checked against the event
// schema (a rule reading input.suplier fails with its file, line and column), builtin errors are
// raised rather than hidden, and the builtins that reach the network, the clock, randomness or
// the environment are refused. One query, data.sanctions.findings, is prepared once and evaluated
// per event; when it fails, each rule is evaluated alone so the error names its rule and the other
// rules' findings are kept.
package evaluator

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/library"
)

// FindingsQuery is what an OPA server answers for one event: every rule's findings.
const FindingsQuery = "data.sanctions.findings"

// ResultQuery is the query evaluated per event: the findings, and the exempted findings.
const ResultQuery = "data.sanctions.result"

// Refused lists the builtins a rule may not call, by name or by prefix ending in ".". Any
// builtin OPA marks non-deterministic is refused as well.
var Refused = []string{"http.send", "net.", "opa.runtime", "time.now_ns", "rand.", "uuid."}

// Evaluator judges events against a compiled rule library. It is safe for concurrent use.
type Evaluator struct {
	compiler *ast.Compiler
	store    storage.Store
	all      rego.PreparedEvalQuery
	rules    []Rule
	perRule  []rego.PreparedEvalQuery // same order as rules
	timeout  time.Duration
	setAside diag.List
}

// Options tune compilation and evaluation.
type Options struct {
	// WithTests compiles the *_test.rego modules too (for running the rule tests).
	WithTests bool
	// KeepGoing leaves out the rules that do not compile (their whole directory, see
	// library.RuleDir) instead of failing: SetAside lists them with why. Problems in shared
	// files still fail.
	KeepGoing bool
	// EventTimeout bounds the evaluation of one event (0: no bound). A rule that runs longer is
	// reported as failing on that event, with its file and line.
	EventTimeout time.Duration
}

// New compiles lib and prepares its queries. Problems in the rules come back as a diag.List,
// each with file, line and column. With KeepGoing the rules at fault are dropped from lib.
func New(ctx context.Context, lib *library.Library, opts Options) (*Evaluator, error) {
	var c *ast.Compiler
	var rules []Rule
	for {
		var probs diag.List
		var err error
		c, err = Compile(lib, opts.WithTests)
		if err != nil {
			if !errors.As(err, &probs) {
				return nil, err
			}
		} else {
			rules, probs = rulesOf(c)
		}
		if len(probs) == 0 {
			break
		}
		probs.Sort()
		if !opts.KeepGoing {
			return nil, probs
		}
		byDir := map[string]diag.List{}
		for _, p := range probs {
			dir := lib.RuleDirOf(p.File)
			if dir == "" {
				return nil, probs // a shared file: every rule depends on it
			}
			byDir[dir] = append(byDir[dir], p)
		}
		for dir, why := range byDir {
			lib.Drop(dir, why)
		}
	}
	e := &Evaluator{compiler: c, store: NewStore(lib), rules: rules, timeout: opts.EventTimeout, setAside: lib.SetAside}
	var err error
	e.all, err = e.prepare(ctx, ResultQuery)
	if err != nil {
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

// Compile compiles the library's modules (and tests, when asked) with the schema, strict mode
// and the safe capabilities.
func Compile(lib *library.Library, withTests bool) (*ast.Compiler, error) {
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

func (e *Evaluator) prepare(ctx context.Context, query string) (rego.PreparedEvalQuery, error) {
	r := rego.New(
		rego.Query(query),
		rego.Compiler(e.compiler),
		rego.Store(e.store),
		rego.StrictBuiltinErrors(true),
		rego.Capabilities(Capabilities()),
		rego.Runtime(ast.NullTerm()),
	)
	q, err := r.PrepareForEval(ctx)
	if err != nil {
		return q, fmt.Errorf("preparing %s: %w", query, err)
	}
	return q, nil
}

// Rules lists the rules, sorted by id.
func (e *Evaluator) Rules() []Rule { return e.rules }

// SetAside lists the rules left out under Options.KeepGoing (at load or at compilation), each
// problem with its file, line and, when known, rule id.
func (e *Evaluator) SetAside() diag.List { return e.setAside }

// limit bounds one evaluation by the per-event time limit.
func (e *Evaluator) limit(ctx context.Context) (context.Context, context.CancelFunc) {
	if e.timeout <= 0 {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, e.timeout)
}

// Input converts an event document to the value rules see, once per event.
func Input(doc map[string]any) (ast.Value, error) {
	return ast.InterfaceToValue(doc)
}

// Judgement is what the rules say about one event.
type Judgement struct {
	Findings []Finding // sorted by severity, then rule id
	Exempted []Finding // findings an exemption turned off, each with its entry
}

// Evaluate judges one event. A rule that fails, or runs past the per-event time limit, is
// reported with its id; the other rules' findings are kept. When the evaluation of all rules
// fails, each rule is evaluated alone (each within the limit) to find which.
func (e *Evaluator) Evaluate(ctx context.Context, input ast.Value) (Judgement, []*RuleError) {
	actx, cancel := e.limit(ctx)
	rs, err := e.all.Eval(actx, rego.EvalParsedInput(input))
	allTimedOut := errors.Is(actx.Err(), context.DeadlineExceeded)
	cancel()
	if err == nil {
		j, err := decodeResult(rs)
		if err == nil {
			return j, nil
		}
		return Judgement{}, []*RuleError{{Err: err}}
	}
	if ctx.Err() != nil {
		return Judgement{}, []*RuleError{{Err: ctx.Err()}}
	}
	// Something failed: find which rules, and keep what the others found.
	var j Judgement
	var errs []*RuleError
	for i, q := range e.perRule {
		rctx, cancel := e.limit(ctx)
		rs, err := q.Eval(rctx, rego.EvalParsedInput(input))
		timedOut := errors.Is(rctx.Err(), context.DeadlineExceeded)
		cancel()
		if ctx.Err() != nil {
			return Judgement{}, []*RuleError{{Err: ctx.Err()}}
		}
		if err != nil && timedOut {
			r := e.rules[i]
			err = &TimeoutError{Limit: e.timeout, File: r.File, Line: r.Line}
		}
		if err == nil {
			var fs []Finding
			fs, err = decodeFindings(rs)
			for _, f := range fs {
				if f.Exemption != nil {
					j.Exempted = append(j.Exempted, f)
				} else {
					j.Findings = append(j.Findings, f)
				}
			}
		}
		if err != nil {
			errs = append(errs, &RuleError{Rule: e.rules[i].ID, Err: err})
		}
	}
	if len(errs) == 0 && !allTimedOut {
		// Only the aggregate failed (data.sanctions.result itself): say so. (When it ran out of
		// time but every rule alone finished in time, the rules' findings are complete.)
		errs = append(errs, &RuleError{Err: err})
	}
	Sort(j.Findings)
	Sort(j.Exempted)
	return j, errs
}

// RuleError is a rule that failed at run time on one event.
type RuleError struct {
	Rule string // rule id, empty when the failure is not a single rule's
	Err  error
}

// TimeoutError is a rule that ran past the per-event time limit.
type TimeoutError struct {
	Limit time.Duration
	File  string // the rule's file and the line of its METADATA
	Line  int
}

func (t *TimeoutError) Error() string {
	return fmt.Sprintf("%s:%d: ran past the per-event time limit of %s (limits.event_timeout)", t.File, t.Line, t.Limit)
}

// Message renders the error with the place in the rule where it happened.
func (r *RuleError) Message() string {
	var te *topdown.Error
	if ok := asTopdown(r.Err, &te); ok && te.Location != nil {
		return fmt.Sprintf("%s:%d:%d: %s: %s", te.Location.File, te.Location.Row, te.Location.Col, te.Code, te.Message)
	}
	return r.Err.Error()
}

func asTopdown(err error, out **topdown.Error) bool {
	for err != nil {
		if te, ok := err.(*topdown.Error); ok {
			*out = te
			return true
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		err = u.Unwrap()
	}
	return false
}

// decodeResult reads data.sanctions.result: {findings, exempted}.
func decodeResult(rs rego.ResultSet) (Judgement, error) {
	if len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return Judgement{}, fmt.Errorf("%s is undefined: the rule library lacks sanctions/findings.rego", ResultQuery)
	}
	m, ok := rs[0].Expressions[0].Value.(map[string]any)
	if !ok {
		return Judgement{}, fmt.Errorf("%s: want {findings, exempted}", ResultQuery)
	}
	var j Judgement
	var err error
	if j.Findings, err = findingsOf(m["findings"]); err != nil {
		return Judgement{}, err
	}
	if j.Exempted, err = findingsOf(m["exempted"]); err != nil {
		return Judgement{}, err
	}
	Sort(j.Findings)
	Sort(j.Exempted)
	return j, nil
}

// decodeFindings turns one rule's `finding` set into findings.
func decodeFindings(rs rego.ResultSet) ([]Finding, error) {
	if len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return nil, nil
	}
	return findingsOf(rs[0].Expressions[0].Value)
}

// Sort orders findings by severity (most severe first), then rule id.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Severity.Rank() != b.Severity.Rank() {
			return a.Severity.Rank() > b.Severity.Rank()
		}
		return a.RuleID < b.RuleID
	})
}

// Problem turns a rule error on an event into a reportable problem.
func (r *RuleError) Problem(eventID, file string, line int) *diag.Problem {
	return &diag.Problem{File: file, Line: line, EventID: eventID, RuleID: r.Rule, Message: r.Message()}
}

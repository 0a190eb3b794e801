package evaluator

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/sanctions-dev/sanctions/internal/compile"
	"github.com/sanctions-dev/sanctions/internal/diag"
)

func (e *Engine) prepare(ctx context.Context, query string) (rego.PreparedEvalQuery, error) {
	r := rego.New(
		rego.Query(query),
		rego.Compiler(e.compiler),
		rego.Store(e.store),
		rego.StrictBuiltinErrors(true),
		rego.Capabilities(compile.Capabilities()),
		rego.Runtime(ast.NullTerm()),
	)
	q, err := r.PrepareForEval(ctx)
	if err != nil {
		return q, fmt.Errorf("preparing %s: %w", query, err)
	}
	return q, nil
}

// evaluate judges one event: the Findings and Exempted of its verdict. A rule that fails,
// panics or runs out of time is reported with its id; the other rules' findings are kept.
//
// The per-event time limit bounds the whole of it. All rules are evaluated together first,
// within half the limit; when that fails, or its result cannot be read, each rule is evaluated
// alone to find which, all at once, within what remains of the limit: a slow rule takes no time
// from the others, and three slow rules cost one limit, not three.
func (e *Engine) evaluate(ctx context.Context, input ast.Value) (Verdict, []*ruleError) {
	ectx, cancel := e.within(ctx, e.timeout)
	defer cancel()
	actx, acancel := e.within(ectx, e.timeout/2)
	rs, err := safeEval(actx, e.all, input)
	allTimedOut := errors.Is(actx.Err(), context.DeadlineExceeded)
	acancel()
	if err == nil {
		j, derr := decodeResult(rs)
		if derr == nil {
			return j, nil
		}
		err = derr // an unreadable result: judge rule by rule, keep what can be read
	}
	if ctx.Err() != nil {
		return Verdict{}, []*ruleError{{Err: ctx.Err()}}
	}
	// Something failed: find which rules, and keep what the others found.
	type outcome struct {
		rs  rego.ResultSet
		err error
	}
	outcomes := make([]outcome, len(e.perRule))
	var wg sync.WaitGroup
	for i, q := range e.perRule {
		wg.Go(func() {
			rs, err := safeEval(ectx, q, input)
			outcomes[i] = outcome{rs, err}
		})
	}
	wg.Wait()
	if ctx.Err() != nil {
		return Verdict{}, []*ruleError{{Err: ctx.Err()}}
	}
	timedOut := errors.Is(ectx.Err(), context.DeadlineExceeded)
	var j Verdict
	var errs []*ruleError
	for i, o := range outcomes {
		err := o.err
		if err != nil && timedOut && !isPanic(err) {
			r := e.rules[i]
			err = &timeoutError{Limit: e.timeout, File: r.File, Line: r.Line}
		}
		if err == nil {
			var fs []Finding
			fs, err = decodeFindings(o.rs)
			for _, f := range fs {
				if f.Exemption != nil {
					j.Exempted = append(j.Exempted, f)
				} else {
					j.Findings = append(j.Findings, f)
				}
			}
		}
		if err != nil {
			errs = append(errs, &ruleError{Rule: e.rules[i].ID, Err: err})
		}
	}
	if len(errs) == 0 && !allTimedOut {
		// Only the aggregate failed (data.sanctions.result itself): say so. (When it ran out of
		// time but every rule alone finished in time, the rules' findings are complete.)
		errs = append(errs, &ruleError{Err: err})
	}
	Sort(j.Findings)
	Sort(j.Exempted)
	return j, errs
}

// within bounds ctx by d (none when d <= 0, the limit being off).
func (e *Engine) within(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	if e.timeout <= 0 || d <= 0 {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, d)
}

// panicError is a panic inside OPA's evaluation (a builtin given input it does not expect:
// bits.lsh(1, 9223372036854775807)), turned into an error on the event and rule.
type panicError struct{ Value any }

func (p *panicError) Error() string {
	return fmt.Sprintf("the evaluation panicked: %v (a defect in OPA or one of its builtins, on this rule and event; the others go on)", p.Value)
}

func isPanic(err error) bool {
	var p *panicError
	return errors.As(err, &p)
}

// safeEval evaluates q on input, a panic becoming an error.
func safeEval(ctx context.Context, q rego.PreparedEvalQuery, input ast.Value) (rs rego.ResultSet, err error) {
	defer func() {
		if v := recover(); v != nil {
			rs, err = nil, &panicError{Value: v}
		}
	}()
	return q.Eval(ctx, rego.EvalParsedInput(input))
}

// ruleError is a rule that failed at run time on one event.
type ruleError struct {
	Rule string // rule id, empty when the failure is not a single rule's
	Err  error
}

// timeoutError is a rule that ran past the per-event time limit.
type timeoutError struct {
	Limit time.Duration
	File  string // the rule's file and the line of its METADATA
	Line  int
}

func (t *timeoutError) Error() string {
	return fmt.Sprintf("%s:%d: ran past the per-event time limit of %s (limits.event_timeout)", t.File, t.Line, t.Limit)
}

// message renders the error with the place in the rule where it happened.
func (r *ruleError) message() string {
	var te *topdown.Error
	if errors.As(r.Err, &te) && te.Location != nil {
		return fmt.Sprintf("%s:%d:%d: %s: %s", te.Location.File, te.Location.Row, te.Location.Col, te.Code, te.Message)
	}
	return r.Err.Error()
}

// decodeResult reads data.sanctions.result: {findings, exempted}.
func decodeResult(rs rego.ResultSet) (Verdict, error) {
	if len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return Verdict{}, fmt.Errorf("%s is undefined: the rule library lacks sanctions/findings.rego", compile.ResultQuery)
	}
	m, ok := rs[0].Expressions[0].Value.(map[string]any)
	if !ok {
		return Verdict{}, fmt.Errorf("%s: want {findings, exempted}", compile.ResultQuery)
	}
	var j Verdict
	var err error
	if j.Findings, err = findingsOf(m["findings"]); err != nil {
		return Verdict{}, err
	}
	if j.Exempted, err = findingsOf(m["exempted"]); err != nil {
		return Verdict{}, err
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

// problem turns a rule error on an event into a reportable problem.
func (r *ruleError) problem(eventID, file string, line int) *diag.Problem {
	return &diag.Problem{File: file, Line: line, EventID: eventID, RuleID: r.Rule, Message: r.message()}
}

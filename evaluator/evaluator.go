package evaluator

import (
	"context"
	"errors"
	"fmt"
	"sort"
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

// limit bounds one evaluation by the per-event time limit.
func (e *Engine) limit(ctx context.Context) (context.Context, context.CancelFunc) {
	if e.timeout <= 0 {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, e.timeout)
}

// evaluate judges one event: the Findings and Exempted of its verdict. A rule that fails, or
// runs past the per-event time limit, is reported with its id; the other rules' findings are
// kept. When the evaluation of all rules fails, or its result cannot be read, each rule is
// evaluated alone (each within the limit) to find which.
func (e *Engine) evaluate(ctx context.Context, input ast.Value) (Verdict, []*ruleError) {
	actx, cancel := e.limit(ctx)
	rs, err := e.all.Eval(actx, rego.EvalParsedInput(input))
	allTimedOut := errors.Is(actx.Err(), context.DeadlineExceeded)
	cancel()
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
	var j Verdict
	var errs []*ruleError
	for i, q := range e.perRule {
		rctx, cancel := e.limit(ctx)
		rs, err := q.Eval(rctx, rego.EvalParsedInput(input))
		timedOut := errors.Is(rctx.Err(), context.DeadlineExceeded)
		cancel()
		if ctx.Err() != nil {
			return Verdict{}, []*ruleError{{Err: ctx.Err()}}
		}
		if err != nil && timedOut {
			r := e.rules[i]
			err = &timeoutError{Limit: e.timeout, File: r.File, Line: r.Line}
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

// Package server is `sanctions serve`: the checker as an HTTP API.
//
//	POST /v1/check   one event, an array or {"events": [...]} (JSON or YAML) -> the JSON report;
//	                 NDJSON -> an NDJSON report, streamed both ways
//	GET  /v1/rules   the loaded rules with their metadata, the revision, the last reload error
//	GET  /healthz    the process is up
//	GET  /readyz     rules are loaded and the server is not shutting down (and whether the
//	                 last reload failed)
//	GET  /metrics    Prometheus metrics
//
// Rules reload with an atomic swap: each request uses the rules it started with, so requests in
// flight finish on the old rules; a reload that fails keeps the last good rules and is reported
// on /v1/rules and in the log.
package server

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/sanctions-dev/sanctions/config"
	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/bundle"
	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/report"
	"github.com/sanctions-dev/sanctions/internal/watch"
)

// Loader loads and compiles the rule library: at start and on each reload.
type Loader func(ctx context.Context) (*evaluator.Engine, error)

// Options tune the service.
type Options struct {
	Token   string        // when set, /v1/* and /metrics need "Authorization: Bearer <Token>"
	Limits  events.Limits // per request; JSON and YAML bodies up to Limits.MaxFileBytes
	Workers int           // evaluations at once per request; 0: one per CPU
	Tool    report.Tool
	Log     *slog.Logger // nil: discard
	// MaxInflightBytes bounds the request bytes held at once, all requests together (see
	// budget); 0: the default of serve.max_inflight_bytes.
	MaxInflightBytes int64
}

// Server answers checks with the rules it has loaded. It is safe for concurrent use.
type Server struct {
	load     Loader
	opts     Options
	log      *slog.Logger
	metrics  *metrics
	current  atomic.Pointer[loaded]
	failed   atomic.Pointer[ReloadError]
	draining atomic.Bool
	budget   *budget
}

// loaded is one generation of rules.
type loaded struct {
	engine   *evaluator.Engine
	revision string
	at       time.Time
}

// ReloadError is a reload that failed: the server kept the previous rules.
type ReloadError struct {
	At       time.Time       `json:"at"`
	Problems []*diag.Problem `json:"problems"`
}

// New loads the rules (which must load) and makes the server.
func New(ctx context.Context, load Loader, opts Options) (*Server, error) {
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opts.Limits == (events.Limits{}) {
		opts.Limits = config.DefaultLimits()
	}
	if opts.MaxInflightBytes <= 0 {
		opts.MaxInflightBytes = config.Default().Serve.MaxInflightBytes
	}
	s := &Server{load: load, opts: opts, log: log, metrics: newMetrics()}
	s.budget = newBudget(opts.MaxInflightBytes, s.metrics)
	if err := s.Reload(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// Reload loads the rules again. On success the new rules serve every request that starts from
// now on; on failure the previous rules stay, and the error is kept for /v1/rules.
func (s *Server) Reload(ctx context.Context) error {
	eng, err := s.load(ctx)
	var revision string
	if err == nil {
		revision, err = bundle.Revision(eng.Library()) // the digest of the rules, as their bundle's
	}
	if err == nil {
		prev := s.current.Swap(&loaded{engine: eng, revision: revision, at: time.Now().UTC()})
		s.failed.Store(nil)
		s.metrics.reloaded(revision, len(eng.Rules()), prev != nil)
		s.log.Info("rules loaded", "revision", revision, "rules", len(eng.Rules()), "sources", eng.Library().Sources)
		return nil
	}
	probs := diag.Problems(err)
	s.failed.Store(&ReloadError{At: time.Now().UTC(), Problems: probs})
	s.metrics.reloadFailed()
	attrs := []any{"problems", len(probs)}
	for i, p := range probs {
		if i == 5 {
			break
		}
		attrs = append(attrs, fmt.Sprintf("problem%d", i+1), p.Error())
	}
	if s.current.Load() != nil {
		s.log.Error("rules did not load: keeping the previous rules", attrs...)
	} else {
		s.log.Error("rules did not load", attrs...)
	}
	return err
}

// WatchRules reloads the rules whenever a file under paths changes, until ctx is done.
func (s *Server) WatchRules(ctx context.Context, paths []string) error {
	if len(paths) == 0 {
		return nil
	}
	w, err := watch.New(paths)
	if err != nil {
		return err
	}
	defer w.Close()
	s.log.Info("watching the rules", "paths", paths)
	return w.Run(ctx, func(changed []string) {
		s.log.Info("rules changed", "files", changed)
		s.Reload(ctx)
	}, func(err error) { s.log.Warn("watching the rules", "error", err.Error()) })
}

// Handler routes the API.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("POST /v1/check", s.instrument("check", s.auth(http.HandlerFunc(s.check))))
	mux.Handle("GET /v1/rules", s.instrument("rules", s.auth(http.HandlerFunc(s.rules))))
	mux.Handle("GET /healthz", s.instrument("healthz", http.HandlerFunc(s.healthz)))
	mux.Handle("GET /readyz", s.instrument("readyz", http.HandlerFunc(s.readyz)))
	mux.Handle("GET /metrics", s.instrument("metrics", s.auth(s.metrics.handler())))
	return mux
}

// HTTPOptions are the listener's timeouts.
type HTTPOptions struct {
	ReadTimeout     time.Duration // the whole request, body included
	WriteTimeout    time.Duration // the whole response
	IdleTimeout     time.Duration
	ShutdownTimeout time.Duration // how long requests in flight may finish after ctx is done
}

// Serve answers on l until ctx is done, then stops taking requests (readyz turns 503), lets
// those in flight finish within ShutdownTimeout, and returns.
func (s *Server) Serve(ctx context.Context, l net.Listener, o HTTPOptions) error {
	hs := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       o.ReadTimeout,
		WriteTimeout:      o.WriteTimeout,
		IdleTimeout:       o.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	if s.opts.Token == "" && !isLoopback(l.Addr()) {
		s.log.Warn("serving on a non-loopback address without a token: anyone who can reach it can use it", "addr", l.Addr().String())
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(l) }()
	s.log.Info("serving", "addr", l.Addr().String())
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	s.draining.Store(true)
	s.log.Info("shutting down: finishing the requests in flight", "timeout", o.ShutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.Background(), o.ShutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	s.log.Info("stopped")
	return nil
}

func isLoopback(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// auth requires the bearer token, when one is set.
func (s *Server) auth(next http.Handler) http.Handler {
	if s.opts.Token == "" {
		return next
	}
	want := []byte("Bearer " + s.opts.Token)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := []byte(r.Header.Get("Authorization"))
		if subtle.ConstantTimeCompare(got, want) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="sanctions"`)
			writeError(w, http.StatusUnauthorized, "a valid bearer token is required")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// RulesInfo is the answer of GET /v1/rules.
type RulesInfo struct {
	Revision    string           `json:"revision"`
	LoadedAt    time.Time        `json:"loaded_at"`
	Sources     []string         `json:"sources"`
	Rules       []evaluator.Rule `json:"rules"`
	SetAside    []*diag.Problem  `json:"set_aside,omitempty"`
	ReloadError *ReloadError     `json:"reload_error"`
}

func (s *Server) rules(w http.ResponseWriter, _ *http.Request) {
	cur := s.current.Load()
	writeJSON(w, http.StatusOK, RulesInfo{
		Revision: cur.revision, LoadedAt: cur.at, Sources: cur.engine.Library().Sources,
		Rules: cur.engine.Rules(), SetAside: cur.engine.SetAside(), ReloadError: s.failed.Load(),
	})
}

func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) readyz(w http.ResponseWriter, _ *http.Request) {
	cur := s.current.Load()
	switch {
	case s.draining.Load():
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "shutting down"})
	case cur == nil:
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "no rules loaded"})
	default:
		// Ready with the last rules that loaded; a reload that failed since is said, so that a
		// probe or an operator sees that an edit did not take effect.
		ready := struct {
			Status      string       `json:"status"`
			Revision    string       `json:"revision"`
			ReloadError *ReloadError `json:"reload_error,omitempty"`
		}{Status: "ready", Revision: cur.revision, ReloadError: s.failed.Load()}
		if ready.ReloadError != nil {
			ready.Status = "ready, with the previous rules: the last reload failed"
		}
		writeJSON(w, http.StatusOK, ready)
	}
}

// Revision is the revision of the rules that new requests use.
func (s *Server) Revision() string { return s.current.Load().revision }

// LastReloadError is the error of the last reload, or nil when it succeeded.
func (s *Server) LastReloadError() *ReloadError { return s.failed.Load() }

// mediaType is a request's content type without parameters, lower-cased.
func mediaType(r *http.Request) string {
	ct := r.Header.Get("Content-Type")
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	return strings.ToLower(strings.TrimSpace(ct))
}

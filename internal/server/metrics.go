package server

import (
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the service's Prometheus metrics, in a registry of its own.
type metrics struct {
	reg        *prometheus.Registry
	requests   *prometheus.CounterVec   // by handler and status code
	latency    *prometheus.HistogramVec // by handler
	events     *prometheus.CounterVec   // by outcome: evaluated, rejected
	findings   *prometheus.CounterVec   // by severity
	ruleErrors prometheus.Counter
	reloads    *prometheus.CounterVec // by result: success, failure
	rules      prometheus.Gauge
	revision   *prometheus.GaugeVec
	inflight   prometheus.Gauge // request bytes charged to the budget
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "sanctions_http_requests_total",
			Help: "HTTP requests, by handler and status code."}, []string{"handler", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "sanctions_http_request_duration_seconds",
			Help:    "Time to answer an HTTP request, by handler.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}}, []string{"handler"}),
		events: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "sanctions_events_total",
			Help: "Events received, by outcome: evaluated or rejected."}, []string{"outcome"}),
		findings: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "sanctions_findings_total",
			Help: "Findings reported, by severity."}, []string{"severity"}),
		ruleErrors: prometheus.NewCounter(prometheus.CounterOpts{Name: "sanctions_rule_errors_total",
			Help: "Rules that failed on an event."}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "sanctions_rule_reloads_total",
			Help: "Reloads of the rules after a change, by result: success or failure (the previous rules stay)."}, []string{"result"}),
		rules: prometheus.NewGauge(prometheus.GaugeOpts{Name: "sanctions_rules_loaded",
			Help: "Rules in the library that serves requests."}),
		revision: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "sanctions_rules_revision_info",
			Help: "The revision of the rules that serve requests (value 1)."}, []string{"revision"}),
		inflight: prometheus.NewGauge(prometheus.GaugeOpts{Name: "sanctions_inflight_bytes",
			Help: "Request bytes held now, all requests together (bounded by serve.max_inflight_bytes)."}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.events, m.findings, m.ruleErrors, m.reloads, m.rules, m.revision, m.inflight,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// reloaded records rules now serving; reload says whether they replaced others.
func (m *metrics) reloaded(revision string, rules int, reload bool) {
	if reload {
		m.reloads.WithLabelValues("success").Inc()
	}
	m.rules.Set(float64(rules))
	m.revision.Reset()
	m.revision.WithLabelValues(revision).Set(1)
}

func (m *metrics) reloadFailed() { m.reloads.WithLabelValues("failure").Inc() }

// statusRecorder remembers the status of a response (and how many events it judged, for the log).
type statusRecorder struct {
	http.ResponseWriter
	status int
	events int
	err    string // why the answer stopped short, once its status was sent
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the connection (flushing, full duplex).
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// instrument counts, times and logs the requests of one handler.
func (s *Server) instrument(name string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		took := time.Since(start)
		s.metrics.requests.WithLabelValues(name, strconv.Itoa(rec.status)).Inc()
		s.metrics.latency.WithLabelValues(name).Observe(took.Seconds())
		level := slog.LevelInfo
		if name == "healthz" || name == "readyz" || name == "metrics" {
			level = slog.LevelDebug
		}
		attrs := []slog.Attr{slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Int("status", rec.status),
			slog.Float64("ms", float64(took.Microseconds())/1000), slog.String("remote", r.RemoteAddr)}
		if name == "check" {
			attrs = append(attrs, slog.Int("events", rec.events))
		}
		if rec.err != "" {
			level = slog.LevelWarn
			attrs = append(attrs, slog.String("error", rec.err))
		}
		s.log.LogAttrs(r.Context(), level, "request", attrs...)
	})
}

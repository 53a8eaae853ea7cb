// Package server holds the HTTP handlers of ${{ values.name }} and their metrics.
package server

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Server is the application: routes, readiness state and its own metrics registry.
type Server struct {
	mux      *http.ServeMux
	ready    atomic.Bool
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

// New builds a server that is not ready yet; call SetReady(true) once it can take traffic.
func New() *Server {
	s := &Server{
		mux:      http.NewServeMux(),
		registry: prometheus.NewRegistry(),
		// The names and labels are the ones the generated alerts and dashboard query.
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "http_requests_total",
			Help: "HTTP requests handled, by route, method and status code.",
		}, []string{"route", "method", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "http_request_duration_seconds",
			Help:    "Time to handle an HTTP request, by route and method.",
			Buckets: []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5},
		}, []string{"route", "method"}),
	}
	s.registry.MustRegister(
		s.requests,
		s.duration,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)

	s.route("/", s.hello)
	s.route("/healthz", s.healthz)
	s.route("/readyz", s.readyz)
	s.mux.Handle("/metrics", promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{}))
	return s
}

// Handler is the root handler to serve.
func (s *Server) Handler() http.Handler { return s.mux }

// SetReady switches the readiness endpoint between 200 and 503.
func (s *Server) SetReady(ready bool) { s.ready.Store(ready) }

// route registers a handler and records its requests under the route pattern, never the raw
// path, so that metric cardinality stays bounded.
func (s *Server) route(pattern string, handler http.HandlerFunc) {
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		handler(rec, r)
		s.duration.WithLabelValues(pattern, r.Method).Observe(time.Since(start).Seconds())
		s.requests.WithLabelValues(pattern, r.Method, strconv.Itoa(rec.status)).Inc()
	})
}

func (s *Server) hello(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/" {
		http.NotFound(w, r)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"service": "${{ values.name }}", "message": "hello"})
}

func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) {
	// Liveness: the process can serve HTTP. Keep dependencies out of it, or a database outage
	// restarts every pod.
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) readyz(w http.ResponseWriter, _ *http.Request) {
	if !s.ready.Load() {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "not ready"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}

func writeJSON(w http.ResponseWriter, status int, body interface{}) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

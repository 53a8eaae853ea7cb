package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func get(t *testing.T, h http.Handler, path string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	body, _ := io.ReadAll(rec.Result().Body)
	return rec.Code, string(body)
}

func TestHealthzAlwaysOK(t *testing.T) {
	s := New()
	if code, _ := get(t, s.Handler(), "/healthz"); code != http.StatusOK {
		t.Fatalf("GET /healthz = %d, want 200", code)
	}
}

func TestReadyzFollowsReadiness(t *testing.T) {
	s := New()
	if code, _ := get(t, s.Handler(), "/readyz"); code != http.StatusServiceUnavailable {
		t.Fatalf("GET /readyz before SetReady = %d, want 503", code)
	}
	s.SetReady(true)
	if code, _ := get(t, s.Handler(), "/readyz"); code != http.StatusOK {
		t.Fatalf("GET /readyz when ready = %d, want 200", code)
	}
	s.SetReady(false)
	if code, _ := get(t, s.Handler(), "/readyz"); code != http.StatusServiceUnavailable {
		t.Fatalf("GET /readyz while draining = %d, want 503", code)
	}
}

func TestUnknownPathIs404(t *testing.T) {
	s := New()
	if code, _ := get(t, s.Handler(), "/nope"); code != http.StatusNotFound {
		t.Fatalf("GET /nope = %d, want 404", code)
	}
}

func TestMetricsCountRequestsByRoute(t *testing.T) {
	s := New()
	get(t, s.Handler(), "/")
	get(t, s.Handler(), "/nope")
	code, body := get(t, s.Handler(), "/metrics")
	if code != http.StatusOK {
		t.Fatalf("GET /metrics = %d, want 200", code)
	}
	for _, want := range []string{
		`http_requests_total{code="200",method="GET",route="/"} 1`,
		`http_requests_total{code="404",method="GET",route="/"} 1`,
		`http_request_duration_seconds_bucket{method="GET",route="/",le="0.005"}`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics output lacks %s", want)
		}
	}
}

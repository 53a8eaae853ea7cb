// Command ${{ values.name }} serves HTTP on $PORT with health, readiness and Prometheus metrics,
// and shuts down gracefully on SIGTERM so rolling updates drop no requests.
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"${{ values.modulePath | default(values.name, true) }}/internal/config"
	"${{ values.modulePath | default(values.name, true) }}/internal/server"
)

func main() {
	if path := os.Getenv("SECRETS_FILE"); path != "" {
		// Secrets rendered to a file (for example by the Vault agent) become environment variables.
		if err := config.LoadEnvFile(path); err != nil {
			log.Fatalf("reading secrets file: %v", err)
		}
	}

	port := getenv("PORT", "8080")
	srv := server.New()
	httpServer := &http.Server{
		Addr:              ":" + port,
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      20 * time.Second, // SHUTDOWN_TIMEOUT's default: shutdown never waits on a cut-off request
		IdleTimeout:       60 * time.Second,
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	serveErr := make(chan error, 1)
	go func() {
		log.Printf("${{ values.name }} listening on :%s", port)
		serveErr <- httpServer.ListenAndServe()
	}()
	srv.SetReady(true)

	select {
	case err := <-serveErr:
		if !errors.Is(err, http.ErrServerClosed) {
			log.Fatalf("server failed: %v", err)
		}
		return
	case <-ctx.Done():
	}

	// Fail readiness first and give the endpoints controller time to take this pod out of the
	// Service before we stop accepting connections.
	srv.SetReady(false)
	drain := getDuration("SHUTDOWN_DRAIN", 5*time.Second)
	log.Printf("shutting down: draining for %s", drain)
	time.Sleep(drain)

	shutdownCtx, cancel := context.WithTimeout(context.Background(), getDuration("SHUTDOWN_TIMEOUT", 20*time.Second))
	defer cancel()
	if err := httpServer.Shutdown(shutdownCtx); err != nil {
		log.Printf("graceful shutdown did not finish: %v", err)
		os.Exit(1)
	}
	log.Print("stopped")
}

func getenv(key, fallback string) string {
	if value := os.Getenv(key); value != "" {
		return value
	}
	return fallback
}

func getDuration(key string, fallback time.Duration) time.Duration {
	if value, err := time.ParseDuration(os.Getenv(key)); err == nil {
		return value
	}
	return fallback
}

package preview

import (
	"context"
	"encoding/json"
	"fmt"
	"mime"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Server serves the preview: the page, its images, the problems, the
// downloads and the events, and nothing else. No part of a request names
// a file: images are found by page number, downloads by format.
//
//	GET /                  the page
//	GET /events            Server-Sent Events: the version, at each rebuild
//	GET /problems          the latest build as JSON: version, problems, pages
//	GET /page/{n}?v=V      page n's PNG, of the last good version V
//	GET /download/{format} the last good version as pdf or xlsx
type Server struct {
	p    *Preview
	mux  *http.ServeMux
	quit chan struct{} // closed by Close: ends the event streams
	once sync.Once
}

// NewServer returns the preview's handler.
func NewServer(p *Preview) *Server {
	s := &Server{p: p, mux: http.NewServeMux(), quit: make(chan struct{})}
	s.mux.HandleFunc("GET /{$}", s.page)
	s.mux.HandleFunc("GET /events", s.events)
	s.mux.HandleFunc("GET /problems", s.problems)
	s.mux.HandleFunc("GET /page/{n}", s.image)
	s.mux.HandleFunc("GET /download/{format}", s.download)
	return s
}

// Close ends the event streams, which would otherwise keep an
// http.Server's Shutdown waiting for ever: they are never idle.
func (s *Server) Close() { s.once.Do(func() { close(s.quit) }) }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// A page on another site may point a name of its own at 127.0.0.1
	// (DNS rebinding) and read the form; a request for a loopback server
	// must say so in its Host.
	if local(r.Context()) && !loopbackHost(r.Host) {
		http.Error(w, "forbidden host", http.StatusForbidden)
		return
	}
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	s.mux.ServeHTTP(w, r)
}

// local tells whether the request came in on a loopback address.
func local(ctx context.Context) bool {
	addr, ok := ctx.Value(http.LocalAddrContextKey).(net.Addr)
	if !ok {
		return false
	}
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

func loopbackHost(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	if r.Method == http.MethodHead { // a stream without a body would never end
		return
	}
	// Reconnect soon after a restart of the preview.
	fmt.Fprint(w, "retry: 500\n\n")
	keepAlive := time.NewTicker(30 * time.Second)
	defer keepAlive.Stop()
	sent := -1
	for {
		snap, changed := s.p.state.Current()
		if snap.Version != sent {
			fmt.Fprintf(w, "data: %d\n\n", snap.Version)
			sent = snap.Version
		}
		if err := rc.Flush(); err != nil {
			return
		}
		select {
		case <-changed:
		case <-keepAlive.C:
			fmt.Fprint(w, ": keep-alive\n\n")
		case <-r.Context().Done():
			return
		case <-s.quit:
			return
		}
	}
}

func (s *Server) problems(w http.ResponseWriter, r *http.Request) {
	snap, _ := s.p.state.Current()
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(newView(snap, s.p.cfg.Lang)) // fails only when the client has gone
}

func (s *Server) image(w http.ResponseWriter, r *http.Request) {
	snap, _ := s.p.state.Current()
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || snap.Good == nil || n < 1 || n > len(snap.Good.Pages) {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "image/png")
	// An image of a given version never changes: the browser may keep
	// it. Without the version, or with an old one, it gets the current
	// image, not to be kept.
	if r.URL.Query().Get("v") == strconv.Itoa(snap.Good.Version) {
		h.Set("Cache-Control", "private, max-age=86400, immutable")
	} else {
		h.Set("Cache-Control", "no-store")
	}
	h.Set("Content-Length", strconv.Itoa(len(snap.Good.Pages[n-1])))
	_, _ = w.Write(snap.Good.Pages[n-1])
}

func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	snap, _ := s.p.state.Current()
	format := r.PathValue("format")
	var file func() ([]byte, error)
	var ctype string
	switch format {
	case "pdf":
		ctype = "application/pdf"
		if snap.Good != nil {
			file = snap.Good.PDF
		}
	case "xlsx":
		ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		if snap.Good != nil && !snap.Good.Draft { // an XLSX cannot carry the draft's mark
			file = snap.Good.XLSX
		}
	default:
		http.NotFound(w, r)
		return
	}
	if file == nil {
		http.Error(w, "nothing to download yet: the form has errors", http.StatusServiceUnavailable)
		return
	}
	data, err := file()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": s.p.cfg.Name + "." + format}))
	h.Set("Content-Length", strconv.Itoa(len(data)))
	_, _ = w.Write(data)
}

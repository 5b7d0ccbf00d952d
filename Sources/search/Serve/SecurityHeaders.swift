import Hummingbird

/// Headers on every answer, errors included: the page may run only its own script and style (so a
/// `<script>` smuggled into an article could not run even if it reached the DOM), is never framed,
/// and its JSON is never sniffed into HTML.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            // The router's 404 (and any other HTTP error) in the API's own shape.
            response = APIResponse.error(error.status, error.status == .notFound ? "not found" : error.status.reasonPhrase)
        } catch {
            response = APIResponse.error(.internalServerError, "internal error")
        }
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        response.headers[.init("Cross-Origin-Opener-Policy")!] = "same-origin"
        return response
    }
}

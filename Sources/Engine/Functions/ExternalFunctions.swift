import Dialplan
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Functions that reach outside the call: CURL (HTTP with a timeout) and SHELL (off unless allowed).
enum ExternalFunctions {
    static let all: [DialplanFunction] = [curl, shell]

    /// `CURL(url[,post-data])`: the response body. Sets CURLSTATUS to SUCCESS, FAILURE or TIMEOUT and
    /// CURL_RESPONSE_CODE to the HTTP status; a failure never hangs the call.
    static let curl = DialplanFunction(
        "CURL", synopsis: "CURL(url[,post-data]) — HTTP GET (or POST with data); sets CURLSTATUS",
        read: { argument, context throws(FunctionError) in
            let call = try ChannelFunctions.call(context, "CURL")
            let parts = ArgumentSplitter.split(argument, limit: 2)
            guard let text = parts.first, !text.isEmpty, let url = URL(string: text),
                  let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
                call.setVariable("CURLSTATUS", to: "FAILURE")
                throw .badArguments(function: "CURL", reason: "needs an http(s) URL")
            }
            let response = HTTPFetcher.fetch(url, body: parts.count > 1 ? parts[1] : nil,
                                             timeout: call.configuration.curlTimeout)
            call.setVariable("CURLSTATUS", to: response.status)
            call.setVariable("CURL_RESPONSE_CODE", to: String(response.code))
            return response.body
        })

    /// `SHELL(command)`: the command's whole standard output, only when the engine allows shell commands.
    static let shell = DialplanFunction(
        "SHELL", synopsis: "SHELL(command) — run a shell command (off unless enabled) and return its output",
        read: { argument, context throws(FunctionError) in
            let call = try ChannelFunctions.call(context, "SHELL")
            guard call.configuration.allowShell else {
                throw .failed(function: "SHELL", reason: "shell commands are disabled (enable them with --allow-shell)")
            }
            guard let output = ShellRunner.run(argument, timeout: call.configuration.curlTimeout) else {
                throw .failed(function: "SHELL", reason: "the command could not be run")
            }
            return output.standardOutput
        })
}

/// A blocking HTTP request with a deadline, for the synchronous call thread.
enum HTTPFetcher {
    struct Response {
        var status: String
        var code: Int
        var body: String
    }

    /// Thread-safe box for the completion handler's result.
    private final class Box: @unchecked Sendable {
        var response = Response(status: "TIMEOUT", code: 0, body: "")
        let done = DispatchSemaphore(value: 0)
    }

    static func fetch(_ url: URL, body: String?, timeout: Double) -> Response {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        if let body {
            request.httpMethod = "POST"
            request.httpBody = Data(body.utf8)
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        }
        let box = Box()
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            if error != nil {
                box.response = Response(status: "FAILURE", code: 0, body: "")
            } else {
                let code = (response as? HTTPURLResponse)?.statusCode ?? 0
                box.response = Response(status: (200..<300).contains(code) ? "SUCCESS" : "FAILURE", code: code,
                                        body: String(decoding: data ?? Data(), as: UTF8.self))
            }
            box.done.signal()
        }
        task.resume()
        if box.done.wait(timeout: .now() + timeout + 0.5) == .timedOut {
            task.cancel()
            return Response(status: "TIMEOUT", code: 0, body: "")
        }
        return box.response
    }
}

/// Runs `/bin/sh -c command` with a deadline (SHELL and System).
enum ShellRunner {
    /// The output collected by the reading thread.
    private final class OutputReader: @unchecked Sendable {
        var data = Data()
        let done = DispatchSemaphore(value: 0)
    }

    struct Output {
        var status: Int32
        var standardOutput: String
    }

    static func run(_ command: String, timeout: Double) -> Output? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        // Read on a thread of its own so a command that never closes its output cannot hold the call past the
        // deadline (and a busy Dispatch pool cannot delay the reading until the deadline has passed).
        let reader = OutputReader()
        let thread = Thread {
            reader.data = pipe.fileHandleForReading.readDataToEndOfFile()
            reader.done.signal()
        }
        thread.start()
        if reader.done.wait(timeout: .now() + max(timeout, 0.1)) == .timedOut {
            process.terminate()
            _ = reader.done.wait(timeout: .now() + 1)
        }
        process.waitUntilExit()
        let data = reader.data
        return Output(status: process.terminationStatus, standardOutput: String(decoding: data, as: UTF8.self))
    }
}

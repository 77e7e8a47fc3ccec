// Typed wrappers around libcurl's variadic setters, which Swift cannot call directly.
#ifndef HEAL_CCURL_SHIM_H
#define HEAL_CCURL_SHIM_H

#include <curl/curl.h>

static inline CURLcode heal_global_init(void) {
    return curl_global_init(CURL_GLOBAL_ALL);
}

static inline CURLcode heal_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode heal_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode heal_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Passes in-memory PEM data; libcurl copies it, so the caller's buffer may go away afterwards.
static inline CURLcode heal_easy_setopt_blob(CURL *handle, CURLoption option, const void *data, size_t length) {
    struct curl_blob blob;
    blob.data = (void *)data;
    blob.len = length;
    blob.flags = CURL_BLOB_COPY;
    return curl_easy_setopt(handle, option, &blob);
}

static inline CURLcode heal_easy_setopt_data_callback(CURL *handle, CURLoption option, curl_write_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

static inline CURLcode heal_easy_setopt_xferinfo_callback(CURL *handle, curl_xferinfo_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}

static inline CURLcode heal_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode heal_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

/// The message's easy handle and, for CURLMSG_DONE, its result (a union member Swift cannot reach).
static inline CURL *heal_multi_message_handle(CURLMsg *message) { return message->easy_handle; }
static inline CURLcode heal_multi_message_result(CURLMsg *message) { return message->data.result; }
static inline int heal_multi_message_is_done(CURLMsg *message) { return message->msg == CURLMSG_DONE; }

#endif

package org.redwheel;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of results with the total count. */
public record Page<T>(List<T> content, int page, int size, long totalElements) {

    @JsonProperty
    public int totalPages() {
        return size == 0 ? 0 : (int) ((totalElements + size - 1) / size);
    }

    @JsonIgnore
    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    @JsonIgnore
    public boolean hasPrevious() {
        return page > 0;
    }
}

package net.intercomj.api.json;

import java.util.Iterator;
import java.util.List;

/**
 * A JSON array: an immutable list of values. It holds its own copy of the list it is given,
 * so later changes to that list do not affect it.
 *
 * @param values the elements, in order; {@link Json#NULL} for a JSON {@code null}, never a Java
 *     {@code null}
 */
public record JsonArray(List<Json> values) implements Json, Iterable<Json> {

    /**
     * A JSON array of {@code values}.
     *
     * @throws NullPointerException when the list or an element is null
     */
    public JsonArray {
        values = List.copyOf(values);
    }

    /**
     * The element at {@code index}.
     *
     * @throws IndexOutOfBoundsException when there is no such element
     */
    public Json get(int index) {
        return values.get(index);
    }

    /** The number of elements. */
    public int size() {
        return values.size();
    }

    /** Whether there are no elements. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The elements in order; the iterator cannot remove. */
    @Override
    public Iterator<Json> iterator() {
        return values.iterator();
    }

    /** {@code [...]} with the elements' JSON text, separated by commas. */
    @Override
    public String toJson() {
        StringBuilder out = new StringBuilder();
        JsonWriter.write(out, this);
        return out.toString();
    }

    /** Same as {@link #toJson()}. */
    @Override
    public String toString() {
        return toJson();
    }
}

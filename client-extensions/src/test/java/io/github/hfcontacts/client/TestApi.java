package io.github.hfcontacts.client;

import java.util.List;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** A stand-in for the generated interfaces: relative paths, Moshi bodies. */
interface TestApi {
  @GET("users/")
  Call<Map<String, Object>> list(@Query("size") Integer size, @Query("page") Integer page);

  @GET("users/")
  Call<Map<String, Object>> search(@Query("q") String query);

  @GET("user/{id}/")
  Call<Map<String, Object>> get(@Path("id") long id);

  @GET("users/")
  Call<List<Object>> listAsArray();

  @POST("users/")
  Call<Map<String, Object>> create(@Body Map<String, Object> body);

  @POST("users/")
  Call<Void> createIgnoringAnswer(@Body Map<String, Object> body);
}
